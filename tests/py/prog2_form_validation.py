# Form validation that collects every problem: exception notes (add_note), error aggregation into an
# ExceptionGroup, split()/subgroup() filtering, and an uncaught group printed at the end.
import sys


class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field


class MissingField(ValidationError):
    pass


class Rule:
    def __init__(self, field, check, msg, required=True):
        self.field, self.check, self.msg, self.required = field, check, msg, required

    def __call__(self, form):
        if self.field not in form:
            if self.required:
                raise MissingField(self.field, "is required")
            return
        value = form[self.field]
        try:
            ok = self.check(value)
        except (TypeError, ValueError, AttributeError) as e:
            err = ValidationError(self.field, f"could not be checked ({type(e).__name__})")
            err.add_note(f"value was {value!r}")
            raise err from e
        if not ok:
            raise ValidationError(self.field, self.msg.format(value=value))


RULES = [
    Rule("name", lambda v: 2 <= len(v.strip()) <= 20, "length of {value!r} not in 2..20"),
    Rule("age", lambda v: 0 <= int(v) < 150, "{value} is not a plausible age"),
    Rule("email", lambda v: v.count("@") == 1 and "." in v.split("@")[1], "{value!r} is not an email"),
    Rule("zip", lambda v: len(v) == 5 and v.isdigit(), "bad zip {value!r}", required=False),
]


def validate(form):
    problems = []
    for rule in RULES:
        try:
            rule(form)
        except ValidationError as e:
            e.add_note(f"rule #{RULES.index(rule)} on form {form.get('name', '?')!r}")
            problems.append(e)
    return problems


forms = [
    {"name": "Ada", "age": "36", "email": "ada@example.org"},
    {"name": " x ", "age": "-1", "email": "nope", "zip": "1234"},
    {"age": "old", "email": "a@b@c"},
    {"name": "Grace Brewster Murray Hopper", "age": 85, "email": "grace@navy.mil", "zip": "20001"},
    {"name": None, "age": [1], "email": "e@x.io"},
]
all_problems = []
for i, form in enumerate(forms):
    problems = validate(form)
    all_problems.extend(problems)
    print(f"form {i}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    for p in problems:
        cause = f" <- {type(p.__cause__).__name__}: {p.__cause__}" if p.__cause__ else ""
        print(f"   {type(p).__name__:<16} {p}{cause}")
        for note in getattr(p, "__notes__", []):
            print(f"      note: {note}")

by_field = {}
for p in all_problems:
    by_field.setdefault(p.field, []).append(type(p).__name__)
print(sorted(by_field.items()))
e = ValueError("plain")
print(hasattr(e, "__notes__"), e.add_note("first") is None, e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)

group = ExceptionGroup("form submission rejected", all_problems)
print(repr(group.message), len(group.exceptions), group.exceptions[0] is all_problems[0])
missing, other = group.split(MissingField)
print(len(missing.exceptions), len(other.exceptions), type(other).__name__, [str(x) for x in missing.exceptions])
ages = group.subgroup(lambda exc: isinstance(exc, ValidationError) and exc.field == "age")
print([str(x) for x in ages.exceptions], group.subgroup(lambda exc: False))
nested = ExceptionGroup("batch", [ages, KeyError("k")])
print(repr(nested.derive([TypeError("t")])), isinstance(nested, Exception), BaseExceptionGroup.__mro__[1].__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as err:
    print("ValueError:", err)
sys.stdout.flush()
raise ExceptionGroup("form submission rejected", all_problems[:2] + [nested])
