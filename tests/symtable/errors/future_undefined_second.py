from __future__ import annotations, unknown_thing
