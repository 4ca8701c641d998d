"""`ddb run cmnist-long` (the `cmnist` preset before its 5-minute budget) in fp32 (the preset) and with `--set
precision=bf16 sampling.steps=25`, from an empty folder each, on a CPU with native bf16: wall time, stage times,
detection and accuracy per seed. Not a test: it takes about an hour on 2 cores. Writes
`benchmarks/cmnist/precision_runs.csv`.

    python benchmarks/precision_runs.py [--seeds 0,1,2] [--fp32-seeds 1] [--runs runs/precision]
"""
import argparse, json, subprocess, sys, time
from pathlib import Path
import pandas as pd

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--seeds', default='0,1,2'); p.add_argument('--fp32-seeds', default='1')
p.add_argument('--runs', default='runs/precision')
p.add_argument('--out', default='benchmarks/cmnist/precision_runs.csv')
a = p.parse_args()
VARIANTS = {'fp32, 50 DDPM steps': [], 'bf16, 25 DDPM steps': ['precision=bf16', 'sampling.steps=25']}

def one(variant:str, seed:int)->dict:
    out = Path(a.runs)/f"{'bf16' if 'bf16' in variant else 'fp32'}-s{seed}"
    if not (out/'metrics.json').exists():   # a finished run is read back, not repeated
        t0 = time.time()
        subprocess.run([sys.executable, '-m', 'ddb.cli', 'run', 'cmnist-long', '--out', str(out), '--quiet', '--set',
                        f'seed={seed}', *VARIANTS[variant]], check=True)
        (out/'wall_s.txt').write_text(f'{time.time() - t0:.1f}\n')
    m = json.loads((out/'metrics.json').read_text())
    row = dict(variant=variant, seed=seed, precision=m['config']['precision'],
               wall_s=float((out/'wall_s.txt').read_text()),
               auroc=m['detection']['auroc'], n_flagged=m['detection']['n_flagged'], peak_rss_mb=m['peak_rss_mb'])
    row.update({f'{k.removeprefix("recipes/")}_s': v for k, v in m['timing_s'].items()})
    for meth, r in m['methods'].items():
        row.update({f'{meth}_unbiased_acc': r['unbiased_acc'], f'{meth}_worst_group_acc': r['worst_group_acc']})
    print(row, flush=True)
    return row

rows = [one('bf16, 25 DDPM steps', int(s)) for s in a.seeds.split(',')] + [one('fp32, 50 DDPM steps', int(s))
                                                                           for s in a.fp32_seeds.split(',') if s]
df = pd.DataFrame(rows); Path(a.out).parent.mkdir(parents=True, exist_ok=True)
df.to_csv(a.out, index=False, float_format='%.4f')
print(df.to_string())
