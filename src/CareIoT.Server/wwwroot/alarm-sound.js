// The audible alarm: a two-tone beep that repeats while an urgent alert waits for acknowledgement.
// Browsers only play sound after a click, hence the visible sound switch.
"use strict";
window.careiotAlarm = (() => {
  let context = null;
  let timer = null;
  const beep = () => {
    [880, 660].forEach((hz, i) => {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(context.destination);
      osc.start(context.currentTime + i * 0.25);
      osc.stop(context.currentTime + i * 0.25 + 0.2);
    });
  };
  return {
    enable() { context = context || new AudioContext(); return context.resume(); },
    get enabled() { return context !== null && context.state === "running"; },
    get ringing() { return timer !== null; },
    ring(on) {
      if (on && !timer && this.enabled) { beep(); timer = setInterval(beep, 1500); }
      if (!on && timer) { clearInterval(timer); timer = null; }
    },
  };
})();
