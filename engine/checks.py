"""Small checks and helpers every part of the engine shares: whole numbers, finite reals, fresh seeds."""

from __future__ import annotations

import math
import numbers

import numpy as np


def is_int(value: object) -> bool:
    """True for a whole number (Python or numpy integer), False for booleans and everything else."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def is_real(value: object) -> bool:
    """True for a finite real number (integers included), False for booleans, NaN and infinity."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)) and math.isfinite(value)


def is_number(value: object) -> bool:
    """True for any real number, finite or not (not a boolean)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def draw_seed() -> int:
    """A fresh seed from the operating system's entropy, a whole number in [0, 2**32), to record and reuse."""
    return int(np.random.SeedSequence().generate_state(1)[0])
