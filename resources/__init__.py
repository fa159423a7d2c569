"""GMM Explorer's data files: sample pictures (``images/``), later translations and lesson data.

Installed as the package ``gmm_explorer_resources`` (``pyproject.toml`` maps this folder to that name and
ships every file in it). Nothing here is code: find a file with ``engine.resources.resource_path``.
"""
