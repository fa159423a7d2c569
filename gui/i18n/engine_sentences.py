"""The engine's error sentences that reach the window, each an exact pattern and its translatable template.

The engine (``engine/``, no Qt) words its errors in English, and those sentences are a contract of the command
line, so they stay as they are; ``gui.i18n.engine_errors`` translates them when the window shows them, by
these tables. A ``Sentence`` pairs a regular expression (matched in full; named groups for the variable parts)
with the English template it becomes, written with the same group names as placeholders and marked for
``pyside6-lupdate`` in the context ``engine_errors``.

A pattern may hold a slot ``<<name>>``: one of the sentences of ``PARTS[name]`` goes there (a clause the
engine puts in several sentences, such as why a model file was refused or which feature spreads too widely),
and its translation fills the template's placeholder ``{name}``. The patterns follow the engine's f-strings;
``tests/test_engine_errors_i18n.py`` raises every one of them for real, so a change of wording fails there.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP


class Sentence(NamedTuple):
    """One engine sentence (or clause) and its template.

    Attributes
    ----------
    pattern : str
        Regular expression the whole text must match; named groups are the variable parts, and ``<<name>>``
        is a slot for one of ``PARTS[name]``.
    template : str
        The English template, with a ``{group}`` placeholder for each named group (and each slot).
    """

    pattern: str
    template: str


#: The end of every message about a bad value in a data file.
_DROP = r"; fix the file or use --drop-invalid to skip such rows\."
#: Where a bad cell of a text file is: its file, line, column name (quoted as the engine quotes it) and number.
_CELL = r"(?P<name>.+) line (?P<line>\d+), column (?P<column>.+) \((?P<index>\d+)\): "
#: How the engine starts every message about a .npy file that is not one.
_NOT_NPY = r"(?P<name>.+) is not a valid \.npy file"
#: The end of the messages about a .npy file that must be saved again.
_SAVE_AGAIN = r"; save the array again with numpy\.save\."

DATA_FILES = (
    Sentence(r"(?P<path>.+): no such file; check the path\.",
             QT_TRANSLATE_NOOP("engine_errors", "{path}: no such file; check the path.")),
    Sentence(r"(?P<path>.+) is a folder, not a data file; choose a CSV/text or \.npy file\.",
             QT_TRANSLATE_NOOP("engine_errors", "{path} is a folder, not a data file; choose a CSV/text or .npy "
                                                "file.")),
    Sentence(r"(?P<path>.+) is not a regular file \(a device or a pipe\?\); choose a CSV/text or \.npy file\.",
             QT_TRANSLATE_NOOP("engine_errors", "{path} is not a regular file (a device or a pipe?); choose a "
                                                "CSV/text or .npy file.")),
    Sentence(r"cannot read the data file (?P<path>.+): <<path_problem>>; choose another name\.",
             QT_TRANSLATE_NOOP("engine_errors", "cannot read the data file {path}: {path_problem}; choose another "
                                                "name.")),
    Sentence(r"cannot read (?P<path>.+): (?P<reason>[^;]+); check the file's permissions\.",
             QT_TRANSLATE_NOOP("engine_errors", "cannot read {path}: {reason}; check the file's permissions.")),
    Sentence(r"(?P<name>.+) is not valid UTF-16 text; save it as UTF-8 CSV\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not valid UTF-16 text; save it as UTF-8 CSV.")),
    Sentence(r"(?P<name>.+) is not a text file \(it holds binary data\); choose a CSV/text or \.npy file\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not a text file (it holds binary data); choose a "
                                                "CSV/text or .npy file.")),
    Sentence(r"(?P<name>.+) is not UTF-8 text \(bad byte at position (?P<position>\d+)\); save it as UTF-8 CSV\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not UTF-8 text (bad byte at position {position}); save "
                                                "it as UTF-8 CSV.")),
    Sentence(r"(?P<name>.+) is empty; choose a file with data\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} is empty; choose a file with data.")),
    Sentence(r"(?P<name>.+) has a header but no data rows; add rows of numbers below the header\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} has a header but no data rows; add rows of numbers below "
                                                "the header.")),
    Sentence(r"(?P<name>.+) line (?P<line>\d+), column (?P<column>.+): a field of more than (?P<limit>\d+) "
             r"characters, most likely from a quote that is never closed; check the quotes from that line on "
             r"\(a value must be a number\)\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} line {line}, column {column}: a field of more than {limit} "
                                                "characters, most likely from a quote that is never closed; check "
                                                "the quotes from that line on (a value must be a number).")),
    Sentence(r"(?P<name>.+) line (?P<line>\d+) has (?P<count>\d+) fields? but line (?P<first>\d+) has "
             r"(?P<expected>\d+) fields?; every row must have the same number of fields\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} line {line} has {count} field(s) but line {first} has "
                                                "{expected} field(s); every row must have the same number of "
                                                "fields.")),
    Sentence(_CELL + r"the value is missing" + _DROP,
             QT_TRANSLATE_NOOP("engine_errors", "{name} line {line}, column {column} ({index}): the value is "
                                                "missing; fix the file or use --drop-invalid to skip such rows.")),
    Sentence(_CELL + r"(?P<value>.+) is not a number" + _DROP,
             QT_TRANSLATE_NOOP("engine_errors", "{name} line {line}, column {column} ({index}): {value} is not a "
                                                "number; fix the file or use --drop-invalid to skip such rows.")),
    Sentence(_CELL + r"(?P<value>.+) is not a finite number" + _DROP,
             QT_TRANSLATE_NOOP("engine_errors", "{name} line {line}, column {column} ({index}): {value} is not a "
                                                "finite number; fix the file or use --drop-invalid to skip such "
                                                "rows.")),
    Sentence(r"(?P<name>.+) row (?P<row>\d+), column (?P<column>.+) \((?P<index>\d+)\): (?P<value>.+) is not a "
             r"finite number" + _DROP,
             QT_TRANSLATE_NOOP("engine_errors", "{name} row {row}, column {column} ({index}): {value} is not a "
                                                "finite number; fix the file or use --drop-invalid to skip such "
                                                "rows.")),
    Sentence(r"(?P<name>.+): all (?P<count>\d+) rows have missing, non-numeric or non-finite values, so nothing is "
             r"left; check the file and the columns chosen\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name}: all {count} rows have missing, non-numeric or non-finite "
                                                "values, so nothing is left; check the file and the columns "
                                                "chosen.")),
    Sentence(r"(?P<name>.+) line (?P<line>\d+), column 'label': the true label is missing; fill it in, use "
             r"--drop-invalid to skip such rows, or choose the feature columns with --columns\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} line {line}, column 'label': the true label is missing; "
                                                "fill it in, use --drop-invalid to skip such rows, or choose the "
                                                "feature columns with --columns.")),
    Sentence(r"(?P<name>.+) holds (?P<dtype>\S+) values, not numbers; save a numeric \(integer or float\) array\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} holds {dtype} values, not numbers; save a numeric (integer "
                                                "or float) array.")),
    Sentence(r"(?P<name>.+) holds a (?P<ndim>\d+)-D array of shape (?P<shape>\(.*\)); save a 1-D or 2-D array "
             r"\(one row per sample\)\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} holds a {ndim}-D array of shape {shape}; save a 1-D or 2-D "
                                                "array (one row per sample).")),
    Sentence(r"(?P<name>.+) holds an empty array of shape (?P<shape>\(.*\)); it needs at least one row and "
             r"column\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} holds an empty array of shape {shape}; it needs at least "
                                                "one row and column.")),
    Sentence(_NOT_NPY + r" but a zip archive \(a \.npz file\?\); save one array with numpy\.save\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not a valid .npy file but a zip archive (a .npz file?); "
                                                "save one array with numpy.save.")),
    Sentence(_NOT_NPY + r" \(format version (?P<version>\d+\.\d+)\); save it with numpy\.save\.",
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not a valid .npy file (format version {version}); save "
                                                "it with numpy.save.")),
    Sentence(_NOT_NPY + r" \(its header is damaged\)" + _SAVE_AGAIN,
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not a valid .npy file (its header is damaged); save the "
                                                "array again with numpy.save.")),
    Sentence(_NOT_NPY + r" \(it is truncated\)" + _SAVE_AGAIN,
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not a valid .npy file (it is truncated); save the array "
                                                "again with numpy.save.")),
    Sentence(_NOT_NPY + r" \(its data cannot be read\)" + _SAVE_AGAIN,
             QT_TRANSLATE_NOOP("engine_errors", "{name} is not a valid .npy file (its data cannot be read); save "
                                                "the array again with numpy.save.")),
)

FIT_SETTINGS = (
    Sentence(r"K = (?P<k>\d+) is larger than the number of samples \((?P<n>\d+)\): use a smaller K\.",
             QT_TRANSLATE_NOOP("engine_errors", "K = {k} is larger than the number of samples ({n}): use a "
                                                "smaller K.")),
    Sentence(r"K = (?P<k>\d+) is larger than the number of distinct points in the data: use a smaller K\.",
             QT_TRANSLATE_NOOP("engine_errors", "K = {k} is larger than the number of distinct points in the data: "
                                                "use a smaller K.")),
    Sentence(r"initialisation 'given' needs starting parameters \(a model file\)\.",
             QT_TRANSLATE_NOOP("engine_errors", "initialisation 'given' needs starting parameters (a model "
                                                "file).")),
    Sentence(r"the starting model has (?P<model_k>\d+) components but K is (?P<k>\d+)\.",
             QT_TRANSLATE_NOOP("engine_errors", "the starting model has {model_k} components but K is {k}.")),
    Sentence(r"the starting model has (?P<model_type>\w+) covariances but the fit asks for (?P<fit_type>\w+)\.",
             QT_TRANSLATE_NOOP("engine_errors", "the starting model has {model_type} covariances but the fit asks "
                                                "for {fit_type}.")),
    Sentence(r"<<feature>> holds NaN or infinite values: remove those rows or fill them in\.",
             QT_TRANSLATE_NOOP("engine_errors", "{feature} holds NaN or infinite values: remove those rows or fill "
                                                "them in.")),
    Sentence(r"<<feature>> spreads too widely for double precision: row (?P<row>\d+) \((?P<value>\S+)\) lies so far "
             r"from the other rows that the sums of squares EM needs overflow: remove such rows\.",
             QT_TRANSLATE_NOOP("engine_errors", "{feature} spreads too widely for double precision: row {row} "
                                                "({value}) lies so far from the other rows that the sums of squares "
                                                "EM needs overflow: remove such rows.")),
    Sentence(r"<<feature>> spreads too widely for double precision \(standard deviation about (?P<power>1e[-+]\d+): "
             r"the sums of squares EM needs overflow\): rescale that column, for example divide it by "
             r"(?P<divisor>1e[-+]\d+)\.",
             QT_TRANSLATE_NOOP("engine_errors", "{feature} spreads too widely for double precision (standard "
                                                "deviation about {power}: the sums of squares EM needs overflow): "
                                                "rescale that column, for example divide it by {divisor}.")),
    Sentence(r"<<feature>> varies too little for double precision \(standard deviation about (?P<power>1e[-+]\d+): "
             r"its variance underflows\): rescale that column, for example multiply it by (?P<factor>1e[-+]\d+), "
             r"or drop it if it is meant to be constant\.",
             QT_TRANSLATE_NOOP("engine_errors", "{feature} varies too little for double precision (standard "
                                                "deviation about {power}: its variance underflows): rescale that "
                                                "column, for example multiply it by {factor}, or drop it if it is "
                                                "meant to be constant.")),
    Sentence(r"component (?P<component>\d+) collapsed \(no samples or a singular covariance\): use fewer "
             r"components, a larger reg_covar, or rescale the data\.",
             QT_TRANSLATE_NOOP("engine_errors", "component {component} collapsed (no samples or a singular "
                                                "covariance): use fewer components, a larger reg_covar, or rescale "
                                                "the data.")),
    Sentence(r"the picture has fewer than (?P<k>\d+) distinct colours, so it cannot have (?P<segments>\d+) "
             r"segments: use a smaller K\.",
             QT_TRANSLATE_NOOP("engine_errors", "the picture has fewer than {k} distinct colours, so it cannot have "
                                                "{segments} segments: use a smaller K.")),
)

FILES_WRITTEN_AND_MODELS = (
    Sentence(r"cannot load the model file (?P<path>.+): <<model_problem>>\.",
             QT_TRANSLATE_NOOP("engine_errors", "cannot load the model file {path}: {model_problem}.")),
    Sentence(r"cannot write (?P<path>.+): <<write_problem>>; the existing file, if any, is unchanged\.",
             QT_TRANSLATE_NOOP("engine_errors", "cannot write {path}: {write_problem}; the existing file, if any, "
                                                "is unchanged.")),
)

#: Why a path could not even be looked at (``engine.io.paths.os_error_problem``): shared by data and model files.
_PATH_PROBLEMS = (
    Sentence(r"the name (?P<long_name>.+) is too long \((?P<size>\d+) bytes; a file or folder name can have at most "
             r"(?P<limit>\d+) bytes\)",
             QT_TRANSLATE_NOOP("engine_errors", "the name {long_name} is too long ({size} bytes; a file or folder "
                                                "name can have at most {limit} bytes)")),
    Sentence(r"the path is too long \((?P<size>\d+) bytes, more than the system allows; each name may have at most "
             r"(?P<limit>\d+) bytes\)",
             QT_TRANSLATE_NOOP("engine_errors", "the path is too long ({size} bytes, more than the system allows; "
                                                "each name may have at most {limit} bytes)")),
    Sentence(r"its symbolic links form a loop",
             QT_TRANSLATE_NOOP("engine_errors", "its symbolic links form a loop")),
    Sentence(r"it cannot be looked at \((?P<reason>.+)\)",
             QT_TRANSLATE_NOOP("engine_errors", "it cannot be looked at ({reason})")),
    Sentence(r"its name holds a NUL character",
             QT_TRANSLATE_NOOP("engine_errors", "its name holds a NUL character")),
)

#: Why a model file was refused (``engine.io.model_json``, ``engine.io.model_checks``).
_MODEL_PROBLEMS = (
    Sentence(r"it does not exist", QT_TRANSLATE_NOOP("engine_errors", "it does not exist")),
    Sentence(r"it is not a file but a folder", QT_TRANSLATE_NOOP("engine_errors", "it is not a file but a folder")),
    Sentence(r"it is not a regular file \(a pipe or a device\?\)",
             QT_TRANSLATE_NOOP("engine_errors", "it is not a regular file (a pipe or a device?)")),
    Sentence(r"it is not a text file \(UTF-8\)", QT_TRANSLATE_NOOP("engine_errors", "it is not a text file (UTF-8)")),
    Sentence(r"it cannot be read \((?P<reason>.+)\)", QT_TRANSLATE_NOOP("engine_errors", "it cannot be read "
                                                                                         "({reason})")),
    Sentence(r"it holds the number (?P<number>.+), but every number must be finite",
             QT_TRANSLATE_NOOP("engine_errors", "it holds the number {number}, but every number must be finite")),
    Sentence(r"it is not valid JSON \((?P<json_reason>.+) at line (?P<line>\d+), column (?P<column>\d+)\)",
             QT_TRANSLATE_NOOP("engine_errors", "it is not valid JSON ({json_reason} at line {line}, column "
                                                "{column})")),
    Sentence(r"it is not valid JSON \(nested too deeply\)",
             QT_TRANSLATE_NOOP("engine_errors", "it is not valid JSON (nested too deeply)")),
    Sentence(r"its \"(?P<key>.+)\" is nested more than (?P<depth>\d+) levels deep, deeper than any model needs; "
             r"remove that nesting",
             QT_TRANSLATE_NOOP("engine_errors", "its \"{key}\" is nested more than {depth} levels deep, deeper than "
                                                "any model needs; remove that nesting")),
    Sentence(r"it holds a JSON (?P<kind>\w+), not an object with the model's keys",
             QT_TRANSLATE_NOOP("engine_errors", "it holds a JSON {kind}, not an object with the model's keys")),
    Sentence(r"it has no \"format\" key, so it is not a (?P<format>\S+) file",
             QT_TRANSLATE_NOOP("engine_errors", "it has no \"format\" key, so it is not a {format} file")),
    Sentence(r"its format is (?P<value>.+), not \"(?P<format>[^\"]+)\"",
             QT_TRANSLATE_NOOP("engine_errors", "its format is {value}, not \"{format}\"")),
    Sentence(r"its format version is (?P<value>.+), but only version (?P<version>\d+) is supported",
             QT_TRANSLATE_NOOP("engine_errors", "its format version is {value}, but only version {version} is "
                                                "supported")),
    Sentence(r"it lacks the keys? (?P<keys>\".+\")", QT_TRANSLATE_NOOP("engine_errors", "it lacks the key(s) {keys}")),
    Sentence(r"its covariance_type (?P<value>.+) is not one of (?P<choices>[a-z, ]+)",
             QT_TRANSLATE_NOOP("engine_errors", "its covariance_type {value} is not one of {choices}")),
    Sentence(r"its (?P<key>\w+) is (?P<value>.+), but it must be a whole number >= 1",
             QT_TRANSLATE_NOOP("engine_errors", "its {key} is {value}, but it must be a whole number >= 1")),
    Sentence(r"its feature_names must be a list of strings",
             QT_TRANSLATE_NOOP("engine_errors", "its feature_names must be a list of strings")),
    Sentence(r"it has (?P<count>\d+) feature_names but n_features is (?P<n_features>\d+)",
             QT_TRANSLATE_NOOP("engine_errors", "it has {count} feature_names but n_features is {n_features}")),
    Sentence(r"its (?P<key>\w+) should have shape (?P<expected>\(.*?\)) (?P<meaning>\(.*?\)) but has shape "
             r"(?P<got>\(.*\))",
             QT_TRANSLATE_NOOP("engine_errors", "its {key} should have shape {expected} {meaning} but has shape "
                                                "{got}")),
    Sentence(r"its (?P<key>\w+) should have shape (?P<expected>\(.*?\)) (?P<meaning>\(.*?\)) but has lists of "
             r"different lengths",
             QT_TRANSLATE_NOOP("engine_errors", "its {key} should have shape {expected} {meaning} but has lists of "
                                                "different lengths")),
    Sentence(r"its (?P<key>\w+) must hold numbers, but it holds (?P<value>.+)",
             QT_TRANSLATE_NOOP("engine_errors", "its {key} must hold numbers, but it holds {value}")),
    Sentence(r"its (?P<key>\w+) holds a number too large for a float",
             QT_TRANSLATE_NOOP("engine_errors", "its {key} holds a number too large for a float")),
    Sentence(r"its (?P<key>\w+) holds NaN or infinity, but every number must be finite",
             QT_TRANSLATE_NOOP("engine_errors", "its {key} holds NaN or infinity, but every number must be "
                                                "finite")),
    Sentence(r"the weight of component (?P<component>\d+) is negative \((?P<weight>.+)\)",
             QT_TRANSLATE_NOOP("engine_errors", "the weight of component {component} is negative ({weight})")),
    Sentence(r"its weights sum to (?P<total>\S+), not 1",
             QT_TRANSLATE_NOOP("engine_errors", "its weights sum to {total}, not 1")),
    Sentence(r"the covariance of component (?P<component>\d+) is not symmetric",
             QT_TRANSLATE_NOOP("engine_errors", "the covariance of component {component} is not symmetric")),
    Sentence(r"the shared covariance is not symmetric",
             QT_TRANSLATE_NOOP("engine_errors", "the shared covariance is not symmetric")),
    Sentence(r"the covariance of component (?P<component>\d+) is not positive definite",
             QT_TRANSLATE_NOOP("engine_errors", "the covariance of component {component} is not positive definite")),
    Sentence(r"the shared covariance is not positive definite",
             QT_TRANSLATE_NOOP("engine_errors", "the shared covariance is not positive definite")),
    Sentence(r"the variances of component (?P<component>\d+) must all be positive",
             QT_TRANSLATE_NOOP("engine_errors", "the variances of component {component} must all be positive")),
)

#: Why a file could not be written (``engine.io.atomic``); the system's reason stays as the system gives it.
_WRITE_PROBLEMS = (
    Sentence(r"(?P<reason>[^;]+); check that the folder exists and is writable",
             QT_TRANSLATE_NOOP("engine_errors", "{reason}; check that the folder exists and is writable")),
    Sentence(r"(?P<reason>[^;]+)", QT_TRANSLATE_NOOP("engine_errors", "{reason}")),
)

#: Which feature (``engine.scales``): by name and column when the data has names, else by column.
_FEATURES = (
    Sentence(r"feature (?P<column>.+) \(column (?P<index>\d+)\)",
             QT_TRANSLATE_NOOP("engine_errors", "feature {column} (column {index})")),
    Sentence(r"feature (?P<index>\d+)", QT_TRANSLATE_NOOP("engine_errors", "feature {index}")),
)

#: The whole sentences, most common first (the order does not matter: at most one matches a message).
SENTENCES = DATA_FILES + FIT_SETTINGS + FILES_WRITTEN_AND_MODELS

#: The clauses a slot ``<<name>>`` stands for.
PARTS: dict[str, tuple[Sentence, ...]] = {
    "path_problem": _PATH_PROBLEMS,
    "model_problem": _PATH_PROBLEMS + _MODEL_PROBLEMS,
    "write_problem": _WRITE_PROBLEMS,
    "feature": _FEATURES,
}

#: Words the engine passes on from elsewhere, by the name of their group: the system's reason for a failed file
#: operation (``OSError.strerror``) and the reason of Python's JSON parser (``JSONDecodeError.msg``). The common
#: ones are translated; any other stays as it is.
KNOWN_VALUES: dict[str, dict[str, str]] = {
    "reason": {
        "Permission denied": QT_TRANSLATE_NOOP("engine_errors", "Permission denied"),
        "Operation not permitted": QT_TRANSLATE_NOOP("engine_errors", "Operation not permitted"),
        "No such file or directory": QT_TRANSLATE_NOOP("engine_errors", "No such file or directory"),
        "Is a directory": QT_TRANSLATE_NOOP("engine_errors", "Is a directory"),
        "Not a directory": QT_TRANSLATE_NOOP("engine_errors", "Not a directory"),
        "No space left on device": QT_TRANSLATE_NOOP("engine_errors", "No space left on device"),
        "Disk quota exceeded": QT_TRANSLATE_NOOP("engine_errors", "Disk quota exceeded"),
        "Read-only file system": QT_TRANSLATE_NOOP("engine_errors", "Read-only file system"),
        "Input/output error": QT_TRANSLATE_NOOP("engine_errors", "Input/output error"),
    },
    "json_reason": {
        "Expecting value": QT_TRANSLATE_NOOP("engine_errors", "Expecting value"),
        "Expecting ':' delimiter": QT_TRANSLATE_NOOP("engine_errors", "Expecting ':' delimiter"),
        "Expecting ',' delimiter": QT_TRANSLATE_NOOP("engine_errors", "Expecting ',' delimiter"),
        "Expecting property name enclosed in double quotes": QT_TRANSLATE_NOOP(
            "engine_errors", "Expecting property name enclosed in double quotes"),
        "Extra data": QT_TRANSLATE_NOOP("engine_errors", "Extra data"),
        "Unterminated string starting at": QT_TRANSLATE_NOOP("engine_errors", "Unterminated string starting at"),
        "Invalid control character at": QT_TRANSLATE_NOOP("engine_errors", "Invalid control character at"),
        "Invalid \\escape": QT_TRANSLATE_NOOP("engine_errors", "Invalid \\escape"),
    },
}
