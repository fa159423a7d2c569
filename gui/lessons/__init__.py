"""Lessons: the classic EM examples, each set up with one click, in the main window.

A lesson sets the data, the model, the start, the locks and the view, and its panel says what to do and
what to notice; leaving it brings back what the user had. The Gaussian lessons drive the main window
through its controller's hooks; the two coin lessons show a view of their own and run a mixture of
binomials through the same fit job.

Modules
-------
catalogue     the lessons: titles and texts marked for translation, their set-ups and extra controls
setups        each lesson's data, controls and start, without Qt (seeded, so its numbers are fixed)
guide         the Lessons menu, the Lesson panel, opening and leaving a lesson, restoring the user's work
dock          the Lesson panel: the list, or the open lesson's text, its controls and Leave
lesson_list   the list of lessons as one reusable widget
kmeans_view   Lloyd's k-means beside EM, from the same centres
coins_view    the coin lessons' view: the paper's table and EM's path on the log-likelihood plane
coin_numbers  the coins view's numbers without Qt: the E-step's table and the plane's log-likelihood
coins_run     a coin lesson's fit through the window's fit job, driven by the run keys
"""
