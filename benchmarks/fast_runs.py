"""`ddb run cmnist` (the 5-minute preset; or another, `--preset`) from an empty folder per seed: wall time, stage
times, peak memory, detection and each method's accuracy. Not a test: about 3-4 minutes a seed on 2 cores
(`cmnist-long`: about 10). Writes `benchmarks/cmnist/fast_runs.csv`.

    python benchmarks/fast_runs.py [--seeds 0,1,2] [--runs runs/fast]
    python benchmarks/fast_runs.py --runs runs/fast-stop --set diffusion.stop=flags \
        --out benchmarks/cmnist/fast_stop_runs.csv
    python benchmarks/fast_runs.py --preset cmnist-long --seeds 0 --runs runs/long --out benchmarks/cmnist/long_runs.csv
    python benchmarks/fast_runs.py --preset waterbirds-mini --runs runs/wbfast \
        --out benchmarks/waterbirds-mini/fast_runs.csv

With `--set`, every run gets those config overrides (the second line: the label-free stopping rule turned on); the
third line is the "before": the budget `cmnist` had until it was cut, on the same machine.

A run folder that already holds `metrics.json` is read back, not repeated; its `wall_s.txt` (seconds from the
command's start to its end, start-up included) and `note.txt` (how it was run, if not alone on the machine) are kept.
"""
import argparse, json, subprocess, sys, time
from pathlib import Path
import pandas as pd

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--seeds', default='0,1,2'); p.add_argument('--runs', default='runs/fast')
p.add_argument('--preset', default='cmnist')
p.add_argument('--out', default='benchmarks/cmnist/fast_runs.csv'); p.add_argument('--set', nargs='*', default=[])
a = p.parse_args()

def one(seed:int)->dict:
    out = Path(a.runs)/f's{seed}'
    if not (out/'metrics.json').exists():
        t0 = time.time()
        subprocess.run([sys.executable, '-m', 'ddb.cli', 'run', a.preset, '--out', str(out), '--quiet', '--set',
                        f'seed={seed}', *a.set], check=True)
        (out/'wall_s.txt').write_text(f'{time.time() - t0:.1f}\n')
    m = json.loads((out/'metrics.json').read_text())
    note = (out/'note.txt').read_text().strip() if (out/'note.txt').exists() else 'alone on the machine'
    row = dict(preset=a.preset, seed=seed, wall_s=float((out/'wall_s.txt').read_text()), how=note,
               auroc=m['detection']['auroc'],
               ap=m['detection'].get('ap'), n_flagged=m['detection']['n_flagged'],
               precision=m['detection'].get('precision'), recall=m['detection'].get('recall'),
               peak_rss_mb=m['peak_rss_mb'],
               diffusion_steps=json.loads((out/'diffusion'/'manifest.json').read_text()).get('trained_steps'))
    row.update({f'{k.removeprefix("recipes/")}_s': v for k, v in m['timing_s'].items()})
    for meth, r in m['methods'].items():
        row.update({f'{meth}_unbiased_acc': r['unbiased_acc'], f'{meth}_worst_group_acc': r['worst_group_acc']})
    print(row, flush=True)
    return row

df = pd.DataFrame([one(int(s)) for s in a.seeds.split(',')])
Path(a.out).parent.mkdir(parents=True, exist_ok=True); df.to_csv(a.out, index=False, float_format='%.4f')
print(df.to_string())
