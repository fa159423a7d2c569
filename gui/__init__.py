"""The PySide6 window of GMM Explorer: views and controls over the Qt-free ``engine`` package.

Panels produce settings, a thin controller starts jobs (``threads``), snapshots come back by signal and
only the newest is drawn (``throttle``); views call ``setData`` on the items they own. No widget is
touched off the main thread, and views never import workers (``lint-imports`` checks it).

Modules
-------
app           start the window: the application, the main window and its controller
threads       the one worker pattern: a generator job on a QThread, abort between steps, one teardown rule
throttle      the frame throttle: draw only the newest update, at a pace the screen can take
collector     Python's cycle collector on the main thread only (never on a worker: Qt objects would deadlock)
colors        component colours from the one palette, and point colours from responsibilities
settings      what the window remembers between runs (a QSettings the caller hands in)
covariance_names  the covariance types' names as the window shows them, in the user's language
i18n/         the window in Simplified Chinese and Korean: language choice, translators, the Language menu
main/         the main window: its view API, controller, Qt-free session, fit job, loading and exports
image/        the Image window: segment a picture, with its view, controller, session, jobs and exports
lessons/      the classic EM examples in one click: the Lessons menu and panel, the coins view and its fit
choosek/      Choose K: a model selection over K x covariance types, filled live; any cell put on the canvas
views/        plots and canvas items: the data, the mixture, convergence, explanations, editing by hand
panels/       the side panel's groups of controls (data, model, run, display)
"""
