__version__ = "0.0.1"

# fastai (2.8) decorates a few layers with `torch.jit.script`, which torch 2.14 deprecates with a FutureWarning
# on every import: nothing a ddb user can act on. This file is nbdev's hand-kept package file (`nbdev-export`
# does not write it), and Python runs it before any ddb module imports fastai.
import warnings as _warnings
_warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
del _warnings

