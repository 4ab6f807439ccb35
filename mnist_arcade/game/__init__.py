"""The pygame side of the game: window, scenes and widgets. No TensorFlow here."""
