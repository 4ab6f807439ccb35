"""Read image files for ``mnist-arcade predict``: any format Pillow reads -> board pixels.

Image files come from anywhere, so every way one can be bad (missing, a folder, not an image,
truncated, a broken chunk, a decompression bomb, an odd mode) ends in one ``ImageReadError``
naming the file, never a traceback. Pillow's size limit (``Image.MAX_IMAGE_PIXELS``) is kept, and
its warning for images just over it is treated as an error. The image is decoded in full inside
the guard (``image.load()``), because Pillow reads pixels lazily and a damaged file often fails
only there.

A board is white ink on black, like MNIST. 16-bit and float images are scaled to 0-255 (Pillow's
own conversion clips them), transparent images are laid on the background their ink stands out
from, and dark ink on a light background is inverted; the result says so, so the caller can tell
the user.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_arcade.canvas.preprocess import is_dark_on_light
from mnist_arcade.errors import ImageReadError

MAX_REASON = 160  # characters of a decoder's own message kept in the one-line error
MAX_SIDE = 20_000  # pixels a side: far beyond any photo of a digit
MAX_PIXELS = 25_000_000  # a 5000x5000 scan; Pillow's own limit (~89 M) lets 1x89,000,000 by
TRANSPARENT_MODES = ("RGBA", "LA", "PA", "RGBa", "La")


@dataclass(frozen=True)
class BoardImage:
    """An image file read as a board: (H, W) uint8 pixels, white ink on black."""

    path: str
    pixels: np.ndarray
    inverted: bool  # the file was dark ink on a light background and has been inverted

    def __repr__(self) -> str:
        height, width = self.pixels.shape
        return f"BoardImage({self.path!r}, {width}x{height}, inverted={self.inverted})"


def _deep_to_uint8(image) -> np.ndarray:
    """16-bit, 32-bit integer and float greyscale -> 0-255, scaled rather than clipped."""
    values = np.nan_to_num(np.asarray(image, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    top = float(values.max()) if values.size else 0.0
    if image.mode == "F" and top <= 1.0:
        scale = 255.0  # floats in [0, 1]
    elif top <= 255:
        scale = 1.0
    elif top <= 65535:
        scale = 255.0 / 65535.0  # 16-bit samples
    else:
        scale = 255.0 / top
    return np.clip(np.rint(values * scale), 0, 255).astype(np.uint8)


def _flatten_transparency(image) -> np.ndarray:
    """Lay a transparent image on black if its ink is light, on white if its ink is dark."""
    grey_alpha = np.asarray(image.convert("RGBA").convert("LA"), dtype=np.float32)
    grey, alpha = grey_alpha[..., 0], grey_alpha[..., 1] / 255.0
    visible = float(alpha.sum())
    ink = float((grey * alpha).sum()) / visible if visible else 255.0
    background = 255.0 if ink < 128 else 0.0
    return np.rint(grey * alpha + background * (1.0 - alpha)).astype(np.uint8)


def _greyscale(image) -> np.ndarray:
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        return _deep_to_uint8(image)
    if image.mode in TRANSPARENT_MODES or "transparency" in image.info:
        return _flatten_transparency(image)
    return np.asarray(image.convert("L"))


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return (text[:MAX_REASON] if text else type(error).__name__).rstrip(".")


def _check_claimed_size(path: Path, size: tuple[int, int]) -> None:
    """Refuse an image whose header claims too many pixels, before a byte is decoded: a
    69-byte PNG may claim 1 x 89,000,000 pixels (under Pillow's limit) and cost 1.7 GB."""
    width, height = size
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageReadError(
            f"{path}: not a readable image (too large to decode safely: its header claims "
            f"{width:,} x {height:,} pixels; at most {MAX_SIDE:,} a side and "
            f"{MAX_PIXELS:,} in all are read)"
        )


def read_image_pixels(path: str | Path) -> np.ndarray:
    """An image file -> (H, W) uint8 greyscale as stored; ImageReadError for any bad file."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.exists():
        raise ImageReadError(f"{path}: no such file")
    if path.is_dir():
        raise ImageReadError(f"{path}: is a folder, not an image")
    if not path.is_file():
        raise ImageReadError(f"{path}: not a regular file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's other warnings would break the one line
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                _check_claimed_size(path, image.size)  # from the header, before decoding
                image.load()  # decode everything now, inside the guard
                pixels = _greyscale(image)
    except ImageReadError:
        raise
    except UnidentifiedImageError as error:
        raise ImageReadError(f"{path}: not a readable image (no format Pillow knows)") from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageReadError(
            f"{path}: not a readable image (too large to decode safely: {_reason(error)})"
        ) from error
    except PermissionError as error:
        raise ImageReadError(f"{path}: cannot open it (permission denied)") from error
    except Exception as error:  # a decoder fed damaged bytes raises many types: all the file's
        raise ImageReadError(
            f"{path}: not a readable image ({type(error).__name__}: {_reason(error)})"
        ) from error
    if pixels.ndim != 2 or pixels.size == 0:
        raise ImageReadError(f"{path}: not a readable image (it has no pixels)")
    return pixels


def read_board_image(path: str | Path) -> BoardImage:
    """An image file -> board pixels, white on black (a dark-on-light image is inverted)."""
    pixels = read_image_pixels(path)
    if is_dark_on_light(pixels):
        return BoardImage(str(path), 255 - pixels, inverted=True)
    return BoardImage(str(path), pixels, inverted=False)
