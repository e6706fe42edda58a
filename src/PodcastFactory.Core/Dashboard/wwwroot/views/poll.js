// Polling without overlap: the next call is scheduled when the previous one finished.

/** Calls fn now and then every intervalMs until the returned stop function is called or fn returns false. */
export function poll(fn, intervalMs = 2000) {
  let stopped = false;
  let timer;
  const tick = async () => {
    if (stopped) return;
    let again = true;
    try { again = (await fn()) !== false; } catch { again = true; }
    if (!stopped && again) timer = setTimeout(tick, intervalMs);
  };
  tick();
  return () => { stopped = true; clearTimeout(timer); };
}
