"""A short GPU check, kept ready for whenever a GPU is at hand.

For each GPU preset (`cifar10c`, `bffhq`, `waterbirds`, `bar`), on random images of the preset's sizes (no data set
needed), it times the first steps of the three things that cost: the preset's diffusion model training, guided
sampling with it, and one epoch of the preset's debiasing classifier; it reports images per second and the peak
GPU memory of each, in fp32 and in bf16 (`--precisions`; `precision` in a ddb config). Run it first on a lent device,
before any long GPU run, and compare with the last results. Any preset can be named, `cmnist` too: on a CPU with
native bf16 that measures what `precision: bf16` buys there.

    python benchmarks/gpu_check.py                  # on the device; a few minutes on one GPU
    python benchmarks/gpu_check.py --quick          # anywhere (CPU): tiny sizes, checks that the script runs
    python benchmarks/gpu_check.py --presets cmnist-long --device cpu --out benchmarks/cmnist/precision.csv

Writes `benchmarks/gpu_check.csv` (`--out` to change it); one row per (preset, stage).
"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd, torch, yaml
from ddb.core import default_device, set_seed, resolve_precision
from ddb.data import BiasedSplit, BiasedData
from ddb.config import PRESETS
from ddb.diffusion import DIFFUSION_PRESETS, diffusion_learner, ema_model
from ddb.sampling import sample
from ddb.recipes import debias_learner, fit_method, RecipeSettings

GPU_PRESETS = ('cifar10c', 'bffhq', 'waterbirds', 'bar')

def random_data(n:int, size:int, seed:int=0)->BiasedData:
    "Two classes of random RGB images at `size` px: the costs below do not depend on what the pixels show."
    rng = np.random.default_rng(seed)
    split = lambda name, k: BiasedSplit(np.arange(k) % 2, ['a', 'b'],
                                        rng.integers(0, 255, (k, size, size, 3), dtype=np.uint8), name=name)
    return BiasedData(split('train', n), split('valid', max(2, n // 4)), name=f'random-{size}px')

def _peak_reset(device):
    if device.type == 'cuda': torch.cuda.synchronize(device); torch.cuda.reset_peak_memory_stats(device)

def _peak_mb(device):
    "Peak GPU memory in MB since the last reset; `None` on CPU."
    if device.type != 'cuda': return None
    torch.cuda.synchronize(device); return round(torch.cuda.max_memory_allocated(device) / 2**20)

def timed(fn, device):
    _peak_reset(device); t0 = time.time(); fn()
    if device.type == 'cuda': torch.cuda.synchronize(device)
    return time.time() - t0, _peak_mb(device)

def check_preset(name:str, device, quick:bool, steps:int, precision:str='fp32')->list:
    cfg = yaml.safe_load(PRESETS[name])
    dpreset = 'tiny' if quick else cfg['diffusion']['preset']
    dsize = DIFFUSION_PRESETS[dpreset]['img_size']
    rec = cfg['recipes']
    csize, cbs = (32, 8) if quick else (rec.get('size', dsize), rec.get('bs', RecipeSettings.bs))
    dbs = 4 if quick else DIFFUSION_PRESETS[dpreset]['bs']
    rows, base = [], dict(preset=name, device=str(device), precision=resolve_precision(precision, device))
    # diffusion: a warm-up epoch, then a timed epoch, each `steps` steps of the preset's batch
    data = random_data(max(dbs * 2, 8), dsize)
    # an epoch is `steps` batches
    learn = diffusion_learner(data, dpreset, steps_per_epoch=steps, device=device, bs=dbs, precision=precision)
    with learn.no_bar(), learn.no_logging():
        learn.fit(1)                                  # warm-up (cuDNN autotuning, allocator)
        s, mb = timed(lambda: learn.fit(1), device)
    rows.append(dict(base, stage=f'diffusion ({dpreset})', img_size=dsize, bs=dbs, steps=steps, seconds=round(s, 2),
                     images_per_s=round(dbs * steps / s, 1), peak_mb=mb))
    # sampling: DDIM with guidance (two UNet passes a step), one batch of the preset's size
    model, n_img, k = ema_model(learn), (4 if quick else 64), (2 if quick else 10)
    sample(model, [0] * n_img, 1.0, 2, 'ddim', bs=n_img, device=device, precision=precision)   # warm-up
    s, mb = timed(lambda: sample(model, [0] * n_img, 1.0, k, 'ddim', bs=n_img, device=device,
                                 precision=precision), device)
    rows.append(dict(base, stage='sampling (ddim, guided)', img_size=dsize, bs=n_img, steps=k, seconds=round(s, 2),
                     images_per_s=round(n_img * k / s, 1), peak_mb=mb))
    # the debiasing classifier: one epoch of `steps` batches at the preset's input size, after a warm-up epoch
    arch = 'resnet18' if quick else rec.get('arch') or 'cnn'
    data = random_data(cbs * steps, csize)
    clf = debias_learner(data, None, arch=arch, bs=cbs, size=csize, device=device, precision=precision)
    with clf.no_bar(), clf.no_logging():
        fit_method(clf, 1)
        s, mb = timed(lambda: fit_method(clf, 1), device)
    rows.append(dict(base, stage=f'classifier ({arch})', img_size=csize, bs=cbs, steps=steps, seconds=round(s, 2),
                     images_per_s=round(cbs * steps / s, 1), peak_mb=mb))
    return rows

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--quick', action='store_true', help='tiny sizes on any device: checks that the script runs')
    p.add_argument('--presets', default=','.join(GPU_PRESETS)); p.add_argument('--steps', type=int, default=20)
    p.add_argument('--precisions', default='fp32,bf16', help='each stage in each; bf16 where the device has no native '
                                                             'bf16 runs as fp32 (the precision column says)')
    p.add_argument('--device', default=None)
    p.add_argument('--out', default=str(Path(__file__).parent/'gpu_check.csv'))
    a = p.parse_args(argv)
    device, steps = default_device(a.device), (2 if a.quick else a.steps)
    set_seed(0); t0, rows = time.time(), []
    if device.type == 'cuda': print(f'{torch.cuda.get_device_name(device)}, torch {torch.__version__}')
    for name in a.presets.split(','):
        for precision in a.precisions.split(','):
            rows += check_preset(name, device, a.quick, steps, precision)
            print(pd.DataFrame(rows[-3:]).to_string(index=False), flush=True)
    out = Path(a.out)
    if not a.quick or a.out != p.get_default('out'): pd.DataFrame(rows).to_csv(out, index=False); print(f'wrote {out}')
    print(f'{time.time() - t0:.0f} s')

if __name__ == '__main__': main()
