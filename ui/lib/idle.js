// The idle lock of shared laptops: a signed-in profile left alone locks itself after a delay
// set in Settings (15 minutes unless changed). A warning comes first, with a button to stay;
// then the page goes back to the profile picker, where a profile with a PIN asks for it again.
// A capsule that is playing counts as activity: nobody touches the laptop while watching.

export const IDLE_CHOICES = ['5', '15', '30', '60', 'never'];
export const IDLE_DEFAULT = '15';
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'];

/**
 * Watches for activity. `delayMs` without any calls `onLock`; `warnMs` before that, `onWarn`
 * (with the seconds left); activity after a warning calls `onActive`. Returns `stop`.
 */
export function watchIdle({ delayMs, warnMs, onWarn, onActive, onLock }) {
  let last = Date.now();
  let warned = false;
  let locked = false;
  const active = () => {
    last = Date.now();
    if (warned) {
      warned = false;
      onActive();
    }
  };
  for (const type of ACTIVITY) document.addEventListener(type, active, { capture: true, passive: true });
  const timer = setInterval(() => {
    if (locked) return;
    const playing = [...document.querySelectorAll('video')].some((v) => !v.paused && !v.ended);
    if (playing) active();
    const idle = Date.now() - last;
    if (idle >= delayMs) {
      locked = true;
      onLock();
    } else if (!warned && idle >= delayMs - warnMs) {
      warned = true;
      onWarn(Math.ceil((delayMs - idle) / 1000));
    }
  }, Math.min(1000, Math.max(100, warnMs / 4)));
  return () => {
    clearInterval(timer);
    for (const type of ACTIVITY) document.removeEventListener(type, active, { capture: true });
  };
}
