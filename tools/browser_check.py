"""Open ddb's docs in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`) driven by Selenium.

1. Every page of the offline site (`ddb-docs` writes `_docs_offline/`) loads, has its title, and shows every
   figure its notebook holds (each `<img>` decoded, none broken); a screenshot of each page.
2. Each self-contained run report given with `--reports` (`report.html`, `results.html`) loads, shows a table,
   and decodes every figure embedded in it.
3. JupyterLab on localhost opens a copy of `nbs/04b_analysis.ipynb`, runs the cells up to the one that shows
   `AmplifierExplorer(...).widget`, and the widget renders (class picker, threshold slider, flagged images)
   and reacts when the class is changed.

    apt-get install chromium chromium-driver && pip install selenium==4.48.0
    ddb-docs && python tools/browser_check.py          # screenshots in _browser_check/

Exit status 0 when everything passed; each failure is one line naming the page or the step.
"""
import argparse, json, os, secrets, shutil, socket, subprocess, sys, tempfile, time
from pathlib import Path
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[1]

def browser(width=1280, height=1600):
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which('chromium') or '/usr/bin/chromium'
    for a in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
              f'--window-size={width},{height}'): opts.add_argument(a)
    return webdriver.Chrome(service=Service(shutil.which('chromedriver') or '/usr/bin/chromedriver'), options=opts)

def expected_images(nb:dict)->int:
    "Figures a page must show: image outputs, and images linked from Markdown, of the cells a reader sees."
    sys.path.insert(0, str(ROOT)); from ddb.docs import shown_parts, _text
    n = 0
    for c in nb['cells']:
        if c['cell_type'] == 'markdown': n += _text(c['source']).count('![')
        elif c['cell_type'] == 'code':
            _, outputs = shown_parts(c)
            n += sum(1 for o in outputs if any(k.startswith('image/') for k in o.get('data', {})))
    return n

def check_pages(drv, site:Path, proc:Path, shots:Path)->list:
    failures, rows = [], []
    pages = sorted(site.glob('*.html'))
    if not pages: return [f'{site}: no pages; run ddb-docs first']
    for page in pages:
        drv.get(page.as_uri())
        WebDriverWait(drv, 30).until(lambda d: d.execute_script('return document.readyState') == 'complete')
        title = drv.find_elements(By.TAG_NAME, 'h1')
        imgs = drv.execute_script('return Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, '
                                  'i.getAttribute("src").slice(0, 60)])')
        broken = [s for ok, s in imgs if not ok]
        src = proc/f'{page.stem}.ipynb'
        want = expected_images(json.loads(src.read_text())) if src.exists() else 0
        drv.save_screenshot(str(shots/f'{page.stem}.png'))
        rows.append((page.name, len(imgs) - len(broken), want))
        if not title: failures.append(f'{page.name}: no title')
        if broken: failures.append(f'{page.name}: {len(broken)} broken image(s): {broken[:3]}')
        if len(imgs) - len(broken) < want:
            failures.append(f'{page.name}: shows {len(imgs) - len(broken)} figure(s), its notebook has {want}')
    for name, shown, want in rows: print(f'  {name:28s} figures shown {shown:3d} (notebook: {want})')
    return failures

def check_reports(drv, reports:list, shots:Path)->list:
    "Every `report.html` opens with a title and a table, and every figure embedded in it decodes."
    failures = []
    for i, page in enumerate(map(Path, reports)):
        if not page.is_file(): failures.append(f'{page}: missing'); continue
        drv.get(page.resolve().as_uri())
        WebDriverWait(drv, 30).until(lambda d: d.execute_script('return document.readyState') == 'complete')
        imgs = drv.execute_script('return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)')
        embedded = page.read_text().count('src="data:image/')
        tables = len(drv.find_elements(By.TAG_NAME, 'table'))
        drv.save_screenshot(str(shots/f'report_{i}_{page.stem}.png'))
        print(f'  {page}: {sum(imgs)} of {embedded} embedded figure(s) decoded, {tables} table(s)')
        if not drv.find_elements(By.TAG_NAME, 'h1'): failures.append(f'{page}: no title')
        if not tables: failures.append(f'{page}: no table')
        if not embedded or sum(imgs) < embedded or not all(imgs):
            failures.append(f'{page}: {sum(imgs)} of {len(imgs)} figure(s) decoded ({embedded} embedded)')
    return failures

def free_port()->int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def check_lab(drv, shots:Path, timeout:int=600)->list:
    work = Path(tempfile.mkdtemp(prefix='ddb-lab-'))
    # a copy: the run's outputs never reach nbs/
    shutil.copy(ROOT/'nbs'/'04b_analysis.ipynb', work/'04b_analysis.ipynb')
    nb = json.loads((work/'04b_analysis.ipynb').read_text())
    target = next(i for i, c in enumerate(nb['cells'])
                  if c['cell_type'] == 'code' and ''.join(c['source']).rstrip().endswith('ex.widget'))
    port, token = free_port(), secrets.token_hex(16)
    lab = subprocess.Popen([sys.executable, '-m', 'jupyter', 'lab', '--no-browser', f'--port={port}',
                            f'--IdentityProvider.token={token}',
                            f'--ServerApp.root_dir={work}', '--LabApp.expose_app_in_browser=True',
                            '--ServerApp.open_browser=False']
                           + (['--allow-root'] if hasattr(os, 'geteuid') and os.geteuid() == 0 else []),
                           stdout=subprocess.DEVNULL, stderr=open(shots/'jupyterlab.log', 'w'), cwd=work)
    try:
        t0 = time.time()
        while True:
            try:
                with socket.create_connection(('127.0.0.1', port), timeout=1): break
            except OSError:
                if time.time() - t0 > 60 or lab.poll() is not None:
                    return [f'JupyterLab did not start (see {shots/"jupyterlab.log"})']
                time.sleep(1)
        drv.get(f'http://127.0.0.1:{port}/lab/tree/04b_analysis.ipynb?token={token}')
        wait = WebDriverWait(drv, timeout)
        wait.until(lambda d: d.execute_script("const a = window.jupyterapp; const w = a && a.shell.currentWidget;"
                                              "return !!(w && w.sessionContext && w.sessionContext.session && "
                                              "w.sessionContext.session.kernel"
                                              " && w.sessionContext.session.kernel.status === 'idle' && "
                                              "w.content.widgets.length > 10)"))
        drv.execute_script(f"const w = window.jupyterapp.shell.currentWidget; w.content.activeCellIndex = {target};"
                           "window.jupyterapp.commands.execute('notebook:run-all-above').then(() => "
                           "window.jupyterapp.commands.execute('notebook:run-cell'));")
        t1 = time.time()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '.jp-OutputArea .widget-dropdown select')
                   or d.execute_script("return !!document.querySelector('.jp-OutputArea-output"
                                       "[data-mime-type=\"application/vnd.jupyter.stderr\"] .ansi-red-fg')"))
        selects = drv.find_elements(By.CSS_SELECTOR, '.jp-OutputArea .widget-dropdown select')
        if not selects:
            drv.save_screenshot(str(shots/'lab_error.png'))
            return ['04b_analysis: a cell failed before the widget (lab_error.png)']
        widget = selects[0].find_element(By.XPATH, './ancestor::div[contains(@class, "widget-vbox")][1]')
        drv.execute_script('arguments[0].scrollIntoView()', widget)
        wait.until(lambda d: widget.find_elements(By.TAG_NAME, 'img'))
        failures = []
        if not widget.find_elements(By.CSS_SELECTOR, '.widget-slider, .slider-container, .widget-hslider'):
            failures.append('04b_analysis: the widget has no threshold slider')
        info = lambda: widget.find_element(By.CSS_SELECTOR, '.widget-html').text
        before = info()
        drv.save_screenshot(str(shots/'lab_widget.png'))
        Select(selects[0]).select_by_visible_text('all classes')
        wait.until(lambda d: info() != before)
        after = info()
        drv.save_screenshot(str(shots/'lab_widget_all_classes.png'))
        print(f'  JupyterLab: widget rendered {time.time() - t1:.0f} s after running the cells; class 3 -> all '
              f'classes: "{before}" -> "{after}"')
        return failures
    finally:
        lab.terminate()
        try: lab.wait(20)
        except subprocess.TimeoutExpired: lab.kill()
        shutil.rmtree(work, ignore_errors=True)

def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--site', default=str(ROOT/'_docs_offline')); p.add_argument('--proc', default=str(ROOT/'_proc'))
    p.add_argument('--shots', default=str(ROOT/'_browser_check')); p.add_argument('--skip-lab', action='store_true')
    p.add_argument('--reports', nargs='*', default=[], help='self-contained report pages (report.html, results.html) '
                                                            'to open')
    p.add_argument('--reports-only', action='store_true', help='open only the --reports pages')
    a = p.parse_args(argv)
    shots = Path(a.shots); shots.mkdir(parents=True, exist_ok=True)
    t0, drv = time.time(), browser()
    try:
        failures = []
        if a.reports: print('reports:'); failures += check_reports(drv, a.reports, shots)
        if not a.reports_only:
            print('pages:'); failures += check_pages(drv, Path(a.site), Path(a.proc), shots)
            if not a.skip_lab: failures += check_lab(drv, shots)
    finally: drv.quit()
    for f in failures: print('FAIL', f)
    print(f'browser check: {"passed" if not failures else f"{len(failures)} failure(s)"} in {time.time() - t0:.0f} s; '
          f'screenshots in {shots}')
    return 1 if failures else 0

if __name__ == '__main__': sys.exit(main())
