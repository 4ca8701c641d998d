"""The stopping rule with every real training image flagged at each check instead of `CaptureCheck`'s default
fixed subset of 5,000 (a larger set makes the overlap between checks less noisy): `ddb run cmnist` with
`diffusion.stop=flags` (ERM only, for the detection), per seed. Not a test: about 3 minutes a seed on 2 cores.
Writes `benchmarks/cmnist/stop_subset.csv`; the default's runs are in `fast_stop_runs.csv`.

    python benchmarks/stop_subset.py [--n-real 60000] [--seeds 0,1,2]
"""
import argparse, json
from pathlib import Path
import pandas as pd
from ddb.pipeline import run_pipeline

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--n-real', type=int, default=60000); p.add_argument('--seeds', default='0,1,2')
p.add_argument('--out', default='benchmarks/cmnist/stop_subset.csv')
a = p.parse_args()
rows = []
for seed in (int(s) for s in a.seeds.split(',')):
    out = Path(f'runs/nreal{a.n_real}/s{seed}')
    m = run_pipeline('cmnist', out,
                     [f'seed={seed}', 'diffusion.stop=flags', f'diffusion.check_images={a.n_real}',
                      'methods=[erm]'], quiet=True).metrics
    checks = pd.read_csv(out/'diffusion'/'capture_checks.csv')
    rows.append(dict(n_real=a.n_real, seed=seed,
                     stops_at=json.loads((out/'diffusion'/'manifest.json').read_text())['trained_steps'],
                     auroc=round(m['detection']['auroc'], 4), n_flagged=m['detection']['n_flagged'],
                     check_seconds=round(checks.seconds.mean(), 1)))
    print(rows[-1], flush=True)
pd.DataFrame(rows).to_csv(a.out, index=False)
