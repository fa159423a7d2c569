"""Files in and out: data tables, the JSON model format and the one atomic writer.

Modules
-------
atomic         the one atomic writer: a reader sees the old file or the new one, never half of either
tables         the ``Dataset``, loading ``.npy`` and CSV/text data, saving CSV results
csv_reader     the CSV/text parser: encoding, delimiter, header, values checked line by line
columns        choosing a table's columns by header name or 0-based index
true_labels    the column named ``label`` holds true labels, not a feature (unless the columns are chosen)
streams        data files read block by block: ``.npy`` through memory maps, Parquet through pyarrow
model_json     the JSON model file, format version 1: writing and reading
model_checks   the value-by-value checks a model document passes when it is read
paths          a path looked at before it is opened: regular file or not, names too long, the same file
"""
