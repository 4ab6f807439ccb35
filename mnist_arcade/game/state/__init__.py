"""The parts of what the scenes share, each owning one thing: the clock, the notice line and its
questions, the readings of the board, the "why" evidence, model switching, the digit book and
teaching, and the training news. :class:`mnist_arcade.game.context.GameContext` puts them
together and routes the engine's answers to them. No TensorFlow and no drawing here."""
