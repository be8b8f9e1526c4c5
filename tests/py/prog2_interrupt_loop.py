# A long-running job loop that treats KeyboardInterrupt specially: the first "Ctrl-C" (simulated by
# raising KeyboardInterrupt from a job) is caught and the job skipped; cleanup handlers run; the
# second one propagates uncaught, so the interpreter reports it and exits like CPython on SIGINT.
import sys


class Job:
    def __init__(self, name, steps, interrupt_at=None):
        self.name, self.steps, self.interrupt_at = name, steps, interrupt_at
        self.progress = 0

    def run(self):
        for i in range(self.steps):
            if i == self.interrupt_at:
                raise KeyboardInterrupt
            self.progress += 1
        return self.progress * 10


class Runner:
    def __init__(self):
        self.results, self.interrupts, self.cleanups = {}, 0, []

    def cleanup(self, job):
        self.cleanups.append(f"{job.name}@{job.progress}")

    def run_all(self, jobs):
        for job in jobs:
            try:
                self.results[job.name] = job.run()
            except KeyboardInterrupt:
                self.interrupts += 1
                print(f"^C during {job.name} at step {job.progress}", file=sys.stderr)
                if self.interrupts > 1:
                    print("second interrupt: giving up", flush=True)
                    raise
                print(f"skipping {job.name}")
            except Exception as e:
                print(f"{job.name} failed: {e!r}")
            finally:
                self.cleanup(job)


print(issubclass(KeyboardInterrupt, Exception), KeyboardInterrupt.__mro__[1].__name__, repr(KeyboardInterrupt()))
try:
    try:
        raise KeyboardInterrupt("inner")
    except Exception:
        print("wrongly caught as Exception")
except BaseException as b:
    print("caught as BaseException:", type(b).__name__, b.args)

runner = Runner()
jobs = [Job("fetch", 3), Job("parse", 5, interrupt_at=2), Job("index", 4), Job("upload", 6, interrupt_at=4),
        Job("notify", 1)]
try:
    runner.run_all(jobs)
finally:
    print("results:", runner.results)
    print("cleanups:", runner.cleanups)
    print("interrupts:", runner.interrupts)
print("not reached")
