# A cooperative task scheduler with classes, inheritance and method calls.
# usage: scheduler.py TICKS
import sys


class Task:
    def __init__(self, ident, priority):
        self.ident = ident
        self.priority = priority
        self.runs = 0
        self.done = False

    def step(self, sched):
        self.runs += 1
        return self.runs

    def weight(self):
        return self.priority + self.runs % 3


class Counter(Task):
    def __init__(self, ident, priority, limit):
        Task.__init__(self, ident, priority)
        self.limit = limit
        self.value = 0

    def step(self, sched):
        Task.step(self, sched)
        self.value += self.ident
        if self.runs >= self.limit:
            self.done = True
        return self.value


class Producer(Task):
    def __init__(self, ident, priority, queue):
        super().__init__(ident, priority)
        self.queue = queue

    def step(self, sched):
        super().step(sched)
        self.queue.put(self.runs * self.ident % 97)
        return self.runs


class Consumer(Task):
    def __init__(self, ident, priority, queue):
        super().__init__(ident, priority)
        self.queue = queue
        self.total = 0

    def step(self, sched):
        super().step(sched)
        while not self.queue.empty():
            self.total += self.queue.get()
        return self.total


class Queue:
    def __init__(self):
        self.items = []
        self.head = 0

    def put(self, x):
        self.items.append(x)

    def get(self):
        x = self.items[self.head]
        self.head += 1
        if self.head > 64:
            del self.items[:self.head]
            self.head = 0
        return x

    def empty(self):
        return self.head >= len(self.items)


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.ticks = 0

    def add(self, task):
        self.tasks.append(task)

    def run(self, ticks):
        checksum = 0
        for _ in range(ticks):
            self.ticks += 1
            live = [t for t in self.tasks if not t.done]
            if not live:
                break
            for t in live:
                if (self.ticks + t.weight()) % 2 == 0:
                    checksum = (checksum + t.step(self)) % 1000000007
        return checksum


def main():
    ticks = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    s = Scheduler()
    q = Queue()
    for i in range(8):
        s.add(Counter(i + 1, i % 4, ticks // (i + 2)))
        s.add(Producer(i + 11, i % 3, q))
    s.add(Consumer(99, 1, q))
    s.add(Consumer(98, 2, q))
    c = s.run(ticks)
    print(c, sum(t.runs for t in s.tasks), s.tasks[-1].total + s.tasks[-2].total)


main()
