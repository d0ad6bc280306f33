// The audible alarm, by priority: a two-tone beep every 1.5 s while a Highest or Critical alert waits
// for acknowledgement, one low tone every 4 s for a High one, and a single soft chime when a Normal or
// Low alert arrives. Browsers only play sound after a click, hence the visible sound switch.
export const alarm = (() => {
  let context = null;
  let timer = null;
  let playing = null;
  const tone = (hz, at, length, volume) => {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = hz;
    gain.gain.value = volume;
    osc.connect(gain).connect(context.destination);
    osc.start(context.currentTime + at);
    osc.stop(context.currentTime + at + length);
  };
  const patterns = {
    urgent: { every: 1500, play: () => { tone(880, 0, 0.2, 0.2); tone(660, 0.25, 0.2, 0.2); } },
    high: { every: 4000, play: () => tone(520, 0, 0.35, 0.15) },
  };
  return {
    enable() { context = context || new AudioContext(); return context.resume(); },
    get enabled() { return context !== null && context.state === "running"; },
    get ringing() { return playing; },
    /** "urgent", "high", or null for silence (true/false are "urgent"/silence). */
    ring(level) {
      const wanted = level === true ? "urgent" : level || null;
      if (wanted === playing && (timer || !wanted)) return;
      if (timer) { clearInterval(timer); timer = null; }
      playing = wanted;
      if (!wanted || !this.enabled) return;
      patterns[wanted].play();
      timer = setInterval(patterns[wanted].play, patterns[wanted].every);
    },
    /** One soft chime: a Normal or Low alert arrived. */
    chime() { if (this.enabled) tone(440, 0, 0.15, 0.08); },
  };
})();
