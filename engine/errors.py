"""Error types that cross the engine's boundary.

Every error a user can cause or act on is one of these two, with a message that is one sentence saying
what is wrong and what to do. The command line prints the message and exits with status 2; the window
shows it in a dialog.
"""


class GMMError(Exception):
    """Base class of the errors GMM Explorer reports to its user."""


class InputError(GMMError, ValueError):
    """Bad input: a file, an argument, a model or data that cannot be used as given."""


class FitError(GMMError, ArithmeticError):
    """EM could not go on (for instance a covariance that is singular even after ``reg_covar``)."""
