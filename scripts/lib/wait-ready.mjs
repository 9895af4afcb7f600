// Polls a readiness URL until it answers 2xx. Usage: wait-ready.mjs URL TIMEOUT_SECONDS [PID]
// Gives up early when PID (the app being waited for) has exited.
const [url, timeoutSeconds = '60', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;

const alive = () => {
  try {
    if (pid) process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

let last = 'no answer yet';
while (Date.now() < deadline) {
  if (!alive()) {
    console.error(`the process (pid ${pid}) exited before ${url} was ready`);
    process.exit(1);
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (response.ok) process.exit(0);
    last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
  } catch (error) {
    last = error.cause?.code ?? error.message;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.error(`${url} was not ready after ${timeoutSeconds} s (${last})`);
process.exit(1);
