"""Where older imports find the model-file functions, now in two modules of one idea each.

Loading and saving one model file: :mod:`mnist_arcade.ml.model_files`. The player's slots and
model library: :mod:`mnist_arcade.ml.library_saves`. New code imports from those.
"""

from mnist_arcade.ml.library_saves import (
    clean_stale_temporaries,
    copy_over_player_slot,
    keep_aside_user_model,
    keep_copy,
    keep_run_in_library,
    library_copy_of_player_slot,
    save_over_player_slot,
)
from mnist_arcade.ml.model_files import (
    LoadedModel,
    check_save_target,
    copy_model_atomic,
    fallback_model_path,
    load_live_model,
    load_model,
    non_finite_layers,
    save_model_atomic,
    save_with_fallback,
)

__all__ = [
    "LoadedModel",
    "check_save_target",
    "clean_stale_temporaries",
    "copy_model_atomic",
    "copy_over_player_slot",
    "fallback_model_path",
    "keep_aside_user_model",
    "keep_copy",
    "keep_run_in_library",
    "library_copy_of_player_slot",
    "load_live_model",
    "load_model",
    "non_finite_layers",
    "save_model_atomic",
    "save_over_player_slot",
    "save_with_fallback",
]
