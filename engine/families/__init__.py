"""Kinds of mixture the one EM loop (``engine.em.run_em``) fits, each behind the ``MixtureFamily`` protocol.

Modules
-------
base          the ``MixtureFamily`` protocol and the settings the loop uses
gaussian      Gaussian mixtures: the backends' E-steps, the M-step with re-seeding, the locks
binomial      mixtures of binomials (K coins; one toss each is the Bernoulli case): the textbook examples
"""
