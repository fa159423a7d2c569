"""The window in other languages: Simplified Chinese (``zh_CN``) and Korean (``ko``) beside the English sources.

The ``.ts`` sources and the compiled ``.qm`` files live in ``resources/i18n/`` (with ``GLOSSARY.md``);
``python -m gui.i18n.update`` refreshes both.

Modules
-------
languages     which language to show, loading the translators (ours and Qt's own) and a CJK font
switching     the Language menu, and re-translating the open windows when the language changes
outside       texts shown but written outside gui/ (preset descriptions, pyqtgraph menus), for extraction
engine_errors the engine's English error sentences in the window's language (``translated_error``)
engine_sentences  the tables of those sentences: exact patterns and their translatable templates
update        the maintainer's command: extract the strings (pyside6-lupdate), compile (pyside6-lrelease)
"""
