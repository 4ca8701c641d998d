from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['Planning', 'Pre-Alpha', 'Alpha', 'Beta', 'Production/Stable', 'Mature', 'Inactive']
lic = licenses[cfg['license']]
requirements = cfg.get('requirements', '').split()
dev_requirements = cfg.get('dev_requirements', '').split()
console_scripts = cfg.get('console_scripts', '').split()

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    author=cfg['author'], author_email=cfg['author_email'],
    license=lic[0],
    keywords=cfg['keywords'].split(),
    classifiers=['Development Status :: ' + str(cfg['status']) + ' - ' + statuses[int(cfg['status'])],
                 'License :: ' + lic[1], 'Natural Language :: ' + cfg['language'],
                 'Programming Language :: Python :: 3.11'],
    packages=setuptools.find_packages(include=['ddb', 'ddb.*']),
    include_package_data=True,
    package_data={'ddb': ['presets/*.yaml']},   # the presets are files (ddb.config.PRESET_DIR)
    install_requires=requirements,
    extras_require={'dev': dev_requirements},
    python_requires='>=' + cfg['min_python'],
    zip_safe=False,
    entry_points={'console_scripts': console_scripts, 'nbdev': ['ddb=ddb._modidx:d']},
)
