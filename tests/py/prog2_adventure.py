# Text-adventure state machine driven by a scripted list of commands.
import sys

ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "rows of books", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "darkness", "exits": {"up": "kitchen"}, "items": ["treasure"], "dark": True, "locked": True},
}


class GameOver(Exception):
    pass


class Game:
    def __init__(self, rooms):
        self.rooms = {k: dict(v, items=list(v["items"])) for k, v in rooms.items()}
        self.where = "hall"
        self.inventory = []
        self.moves = 0
        self.log = []
        self.handlers = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("do_")}

    def say(self, *parts, sep=" "):
        msg = sep.join(str(p) for p in parts)
        self.log.append(msg)
        print(f"[{self.moves:02}] {msg}")

    @property
    def room(self):
        return self.rooms[self.where]

    def do_look(self, *args):
        r = self.room
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("It is pitch black.")
            return
        items = ", ".join(r["items"]) or "nothing"
        exits = "/".join(sorted(r["exits"]))
        self.say(f"You are in {r['desc']}. You see {items}. Exits: {exits}.")

    def do_go(self, direction=None, *rest):
        if direction is None:
            raise ValueError("go where?")
        target = self.room["exits"].get(direction)
        if target is None:
            self.say("You can't go", direction)
            return
        if self.rooms[target].get("locked"):
            if "key" not in self.inventory:
                self.say("The way", direction, "is locked.")
                return
            self.rooms[target]["locked"] = False
            self.say("You unlock the door with the key.")
        self.where = target
        self.do_look()

    def do_take(self, *names):
        for name in names or ("",):
            try:
                self.room["items"].remove(name)
            except ValueError:
                self.say(f"No {name!r} here.")
            else:
                self.inventory.append(name)
                self.say("Taken:", name)
        if "treasure" in self.inventory:
            raise GameOver(f"You win in {self.moves} moves!")

    def do_drop(self, name):
        if name not in self.inventory:
            self.say("You don't have", repr(name))
        else:
            self.inventory.remove(name)
            self.room["items"].append(name)
            self.say("Dropped", name)

    def do_inv(self):
        self.say("Carrying:", *sorted(self.inventory) or ["nothing"], sep=" | ")

    def run(self, commands):
        for line in commands:
            self.moves += 1
            verb, *args = line.split() or [""]
            handler = self.handlers.get(verb)
            try:
                if handler is None:
                    self.say(f"I don't know how to {verb!r}.")
                    continue
                handler(*args)
            except GameOver as g:
                self.say(*g.args)
                return True
            except TypeError as e:
                self.say("Bad command:", line, "->", type(e).__name__)
            except ValueError as e:
                self.say("Huh?", e)
            finally:
                if self.moves % 5 == 0:
                    self.say(f"-- {self.moves} moves, room={self.where}")
        return False


g = Game(ROOMS)
script = ["look", "take lamp", "go west", "go north", "take key book", "inv", "drop sword",
          "go south", "", "dance", "go", "go east", "drop book", "look", "drop", "take",
          "go down", "look", "take treasure", "look"]
won = g.run(script)
print(won, g.moves, g.where, sorted(g.inventory), len(g.log))
print(sorted(g.handlers))
print({k: v["items"] for k, v in g.rooms.items()})
print(ROOMS["cellar"]["items"], ROOMS["hall"]["items"])
