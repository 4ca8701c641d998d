"""Time one diffusion training step: fastai `Learner` (DDPM, EMA and clipping callbacks) against a bare
PyTorch loop doing the same work on the same model and batches. Not a test: run it on a quiet machine.

    python benchmarks/diffusion_step.py [--preset mnist-cpu] [--steps 40] [--repeats 3] [--device cpu]
"""
import argparse, json, statistics
import torch
from ddb.cmnist import colored_mnist
from ddb.diffusion import benchmark_step

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--preset', default='mnist-cpu'); p.add_argument('--steps', type=int, default=40)
p.add_argument('--repeats', type=int, default=3); p.add_argument('--device', default=None)
a = p.parse_args()
data = colored_mnist(1.0)
runs = [benchmark_step(data, a.preset, steps=a.steps, device=a.device) for _ in range(a.repeats)]
for r in runs: print(json.dumps({k: round(v, 4) for k, v in r.items()}))
ratio = statistics.median(r['ratio'] for r in runs)
print(f'fastai / bare PyTorch step time (median of {a.repeats}): {ratio:.3f}  (threads: {torch.get_num_threads()})')
