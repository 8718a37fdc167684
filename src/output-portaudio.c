/* output-portaudio.c: playing through PortAudio's default output. */
#include "config.h"

#include <fcntl.h>
#include <portaudio.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "output.h"
#include "xmalloc.h"

struct pa_out {
	PaStream	*stream;
	output_pull_fn	 pull;
	void		*arg;
	int		 channels;
	atomic_int	 done;
};

static int	quiet_depth;
static int	quiet_saved = -1;

void
output_quiet_begin(void)
{
	int	fd;

	if (quiet_depth++ > 0)
		return;
	fflush(stderr);
	quiet_saved = dup(STDERR_FILENO);
	if ((fd = open("/dev/null", O_WRONLY | O_CLOEXEC)) >= 0) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
}

void
output_quiet_end(void)
{
	if (quiet_depth == 0 || --quiet_depth > 0)
		return;
	fflush(stderr);
	if (quiet_saved >= 0) {
		dup2(quiet_saved, STDERR_FILENO);
		close(quiet_saved);
		quiet_saved = -1;
	}
}

static int
pa_init(char **cause)
{
	PaError	err;

	/* Never start a JACK server just to look for devices. */
	setenv("JACK_NO_START_SERVER", "1", 0);
	output_quiet_begin();
	err = Pa_Initialize();
	output_quiet_end();
	if (err != paNoError) {
		*cause = xprintf(_("no audio: PortAudio could not start (%s)"),
		    Pa_GetErrorText(err));
		return -1;
	}
	if (Pa_GetDefaultOutputDevice() == paNoDevice) {
		*cause = xstrdup(_("no audio output device found; everything "
		    "but sound works (see tingxie(1), AUDIO OVER SSH)"));
		output_quiet_begin();
		Pa_Terminate();
		output_quiet_end();
		return -1;
	}
	return 0;
}

static void
pa_exit(void)
{
	output_quiet_begin();
	Pa_Terminate();
	output_quiet_end();
}

/* The audio callback: no locks, no allocation, no system calls. */
static int
pa_callback(const void *in, void *outbuf, unsigned long frames,
    const PaStreamCallbackTimeInfo *ti, PaStreamCallbackFlags flags,
    void *user)
{
	struct pa_out	*o = user;
	int16_t		*out = outbuf;
	size_t		 got;

	(void)in;
	(void)ti;
	(void)flags;
	got = o->pull(o->arg, out, frames);
	if (got < frames) {
		memset(out + got * (size_t)o->channels, 0,
		    (frames - got) * (size_t)o->channels * sizeof *out);
		return paComplete;
	}
	return paContinue;
}

static void
pa_finished(void *user)
{
	atomic_store(&((struct pa_out *)user)->done, 1);
}

static void *
pa_open(int rate, int channels, output_pull_fn pull, void *arg, char **cause)
{
	PaStreamParameters	 p;
	const PaDeviceInfo	*dev;
	struct pa_out		*o;
	PaError			 err;

	o = xcalloc(1, sizeof *o);
	o->pull = pull;
	o->arg = arg;
	o->channels = channels;
	atomic_init(&o->done, 0);
	memset(&p, 0, sizeof p);
	p.device = Pa_GetDefaultOutputDevice();
	p.channelCount = channels;
	p.sampleFormat = paInt16;
	dev = Pa_GetDeviceInfo(p.device);
	p.suggestedLatency = dev != NULL ? dev->defaultHighOutputLatency : 0.1;
	output_quiet_begin();
	err = Pa_OpenStream(&o->stream, NULL, &p, rate,
	    paFramesPerBufferUnspecified,
	    paClipOff | paDitherOff | paPrimeOutputBuffersUsingStreamCallback,
	    pa_callback, o);
	if (err == paNoError)
		err = Pa_SetStreamFinishedCallback(o->stream, pa_finished);
	output_quiet_end();
	if (err != paNoError) {
		*cause = xprintf(_("cannot open the audio device for %d Hz, %d "
		    "channel(s): %s"), rate, channels, Pa_GetErrorText(err));
		if (o->stream != NULL)
			Pa_CloseStream(o->stream);
		free(o);
		return NULL;
	}
	return o;
}

static int
pa_start(void *state, char **cause)
{
	struct pa_out	*o = state;
	PaError		 err;

	output_quiet_begin();
	err = Pa_StartStream(o->stream);
	output_quiet_end();
	if (err != paNoError) {
		*cause = xprintf(_("cannot start playing: %s"),
		    Pa_GetErrorText(err));
		return -1;
	}
	return 0;
}

static int
pa_done(void *state)
{
	return atomic_load(&((struct pa_out *)state)->done);
}

static void
pa_stop(void *state)
{
	struct pa_out	*o = state;

	output_quiet_begin();
	if (Pa_IsStreamStopped(o->stream) == 0)
		Pa_AbortStream(o->stream);
	output_quiet_end();
}

static void
pa_close(void *state)
{
	struct pa_out	*o = state;

	output_quiet_begin();
	if (Pa_IsStreamStopped(o->stream) == 0)
		Pa_StopStream(o->stream);
	Pa_CloseStream(o->stream);
	output_quiet_end();
	free(o);
}

const struct output_ops output_portaudio = {
	"portaudio", pa_init, pa_exit, pa_open, pa_start, pa_done, pa_stop,
	pa_close
};
