# Cooperative multitasking with generators: a round-robin scheduler, sleeping, message channels,
# sub-tasks via yield from, cancellation with throw(), and joining on task results.
import sys


class Cancelled(Exception):
    pass


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Recv:
    def __init__(self, chan):
        self.chan = chan


class Channel:
    def __init__(self, name):
        self.name, self.items, self.waiters = name, [], []

    def send(self, item):
        self.items.append(item)


class Task:
    _ids = 0

    def __init__(self, gen, name):
        Task._ids += 1
        self.id, self.gen, self.name = Task._ids, gen, name
        self.result = self.error = None
        self.done = False
        self.wake_at = 0
        self.inbox = None

    def __repr__(self):
        state = "done" if self.done else "live"
        return f"Task#{self.id}({self.name}, {state})"


class Scheduler:
    def __init__(self):
        self.tasks, self.clock, self.trace = [], 0, []

    def spawn(self, gen, name=None):
        t = Task(gen, name or gen.__name__)
        self.tasks.append(t)
        return t

    def cancel(self, task):
        if not task.done:
            try:
                task.gen.throw(Cancelled(f"{task.name} cancelled at t={self.clock}"))
            except Cancelled as e:
                task.done, task.error = True, e
            except StopIteration as stop:
                task.done, task.result = True, stop.value

    def run(self, max_ticks=50):
        while any(not t.done for t in self.tasks) and self.clock < max_ticks:
            for t in list(self.tasks):
                if t.done or t.wake_at > self.clock:
                    continue
                if isinstance(t.inbox, Recv):
                    if not t.inbox.chan.items:
                        continue
                    value, t.inbox = t.inbox.chan.items.pop(0), None
                else:
                    value = None
                try:
                    req = t.gen.send(value)
                except StopIteration as stop:
                    t.done, t.result = True, stop.value
                    self.trace.append(f"t={self.clock} {t.name} finished -> {stop.value!r}")
                    continue
                except Exception as e:
                    t.done, t.error = True, e
                    self.trace.append(f"t={self.clock} {t.name} crashed: {type(e).__name__}: {e}")
                    continue
                if isinstance(req, Sleep):
                    t.wake_at = self.clock + req.ticks
                elif isinstance(req, Recv):
                    t.inbox = req
            self.clock += 1
        return self.clock


def producer(chan, items):
    for i, it in enumerate(items):
        chan.send(it)
        yield Sleep(i % 2 + 1)
    chan.send(None)
    return len(items)


def sub_sum(chan):
    total = 0
    while True:
        item = yield Recv(chan)
        if item is None:
            return total
        total += item


def consumer(chan):
    try:
        total = yield from sub_sum(chan)
        yield Sleep(1)
        return f"sum={total}"
    finally:
        print("consumer cleanup")


def ticker(n):
    count = 0
    try:
        while True:
            count += 1
            yield Sleep(n)
    except Cancelled:
        print(f"ticker saw cancel after {count} ticks")
        raise


def crasher():
    yield Sleep(2)
    return {}["missing"]


def polite():
    try:
        while True:
            yield
    except Cancelled:
        return "polite exit"


sched = Scheduler()
ch = Channel("numbers")
p = sched.spawn(producer(ch, [5, 10, 15, 20]))
c = sched.spawn(consumer(ch))
tk = sched.spawn(ticker(3), "ticker")
cr = sched.spawn(crasher())
po = sched.spawn(polite())
sched.run(max_ticks=8)
print("after 8 ticks:", sched.tasks)
sched.cancel(tk)
sched.cancel(po)
sched.cancel(c)
end = sched.run()
print("ended at", end, sched.tasks)
print("\n".join(sched.trace))
for t in sched.tasks:
    print(f"{t.name:>9}: result={t.result!r:<12} error={t.error!r}")
print(c.gen.gi_frame is None, tk.gen.gi_frame, p.gen.gi_running, type(cr.error).__name__, cr.error.args)
try:
    tk.gen.send(None)
except StopIteration as e:
    print("dead generator:", repr(e))
g = ticker(1)
try:
    g.throw(Cancelled("before start"))
except Cancelled as e:
    print("unstarted throw:", e)
print(next(polite()) is None)
