"""Import Keras on the TensorFlow backend, quietly.

Every other module in ``mnist_arcade.ml`` imports ``keras`` and ``tf`` from here, so the
environment is set up once, before TensorFlow is first imported.

TensorFlow's C++ side writes start-up lines ("oneDNN custom operations are on", "All log
messages before absl::InitializeLog() ...") straight to file descriptor 2, before its own log
level applies, so a one-line error from the command line would arrive after four lines of
chatter. During the import, descriptor 2 points at a temporary file; afterwards it is restored
and the captured text is dropped, except lines that are not TensorFlow's logging (a Python
warning, another thread's message), which are passed on. If the import fails, everything
captured is passed on, since it explains why.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # errors only from TensorFlow's C++ logging

# absl/glog lines ("I0000 00:00:1795664340.626090 4095 port.cc:153] ...") and absl's preamble.
_CHATTER = re.compile(
    r"^(?:[IWEF]\d{4} +\d+:\d+:[\d.]+ +\d+ [\w./-]+:\d+\]"
    r"|WARNING: All log messages before absl::InitializeLog\(\) is called)"
)


def _replay(captured: str, everything: bool) -> None:
    lines = captured.splitlines(keepends=True)
    kept = lines if everything else [line for line in lines if not _CHATTER.match(line)]
    if kept:
        sys.stderr.write("".join(kept))
        sys.stderr.flush()


def _import_quietly():
    """Import keras and tensorflow with descriptor 2 captured (see the module docstring)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no descriptor 2 (a windowed app): nothing to hide
        import keras
        import tensorflow

        return keras, tensorflow
    with tempfile.TemporaryFile() as capture:
        failed = True
        try:
            os.dup2(capture.fileno(), 2)
            import keras
            import tensorflow

            failed = False
        finally:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            _replay(capture.read().decode("utf-8", "replace"), everything=failed)
    return keras, tensorflow


keras, tf = _import_quietly()

__all__ = ["keras", "tf"]
