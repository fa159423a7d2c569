"""The main window: fit a mixture to data and watch EM, half-step by half-step.

Modules
-------
window        the window's layout and the view API the controller drives (``show_frame``, ``show_status``, ...)
actions       the actions with their shortcuts, the menus, the status bar and the File and Help dialogs
controller    the thin controller: the window's intents to jobs and the engine, results back to the view
session       what the window fits and shows, without Qt: data, models, the run and its snapshots
runner        the fit runs: one ``fit_steps`` job at a time, its orders and its throttled frames
fit_worker    EM on any mixture family as a generator job steered by ``RunControl`` (pause, half-steps, a delay, stop)
sources       where data and models come from: presets, data files and model files
loading       the jobs that load or generate data sets off the main thread
editing       edits by hand: components placed on the canvas, painted points
point_info    the hovered point's E-step numbers, recomputed for every snapshot drawn, cleared with the data
arrivals      new data starts clean: a preset's own K; locks, hand-placed components and a loaded model let go
first_run     the first launch's moving demo, the dismissible keys hint, View > Restore defaults
run_keys      run keys that act whatever has the focus (except a text field); Esc back to the data view
screen_fit    a first size that fits the screen, a saved layout kept on it, a data view of half the window
exports       saving the model, labels and responsibilities, the data and the canvas, as jobs
status        the status bar's texts
criteria      BIC and AIC of the fit on the canvas in the status bar, scored off the main thread when needed
agreement     the Agreement panel: the fit against the data's true labels (ARI, matched confusion table)
"""
