"""A wheel built from the repo, installed (not editable) in a fresh venv, composes the example:
the icon, palette and template data travel with the packages."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv

from tests.conftest import EXAMPLE, ROOT

SCRIPT = """
import sys, designer
from designer import icon_library, palettes, templates
for module in (designer, icon_library, palettes, templates):
    assert module.__file__.startswith(sys.prefix), module.__file__
designs = designer.resolve(designer.load(sys.argv[1]))
sizes = {d.template.name for d in designs}
svg = designer.compose(designs[0]).svg
print(len(designs), sorted(sizes), len(svg))
"""


def test_wheel_installs_and_composes_the_example(tmp_path):
    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing from the checkout
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
                   check=True, cwd=tmp_path, env=clean_env)
    (wheel,) = wheels.glob("medbadge-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # The dependencies come from this test environment (no second download); the package itself
    # only from the wheel, which sits earlier on the new environment's path.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True, env=clean_env).stdout.strip()
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)], check=True,
                   env=clean_env, cwd=tmp_path)
    # Only now (pip would otherwise find medbadge already installed there and skip the wheel):
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    with open(os.path.join(site, "zz_test_deps.pth"), "w") as handle:
        handle.write("\n".join(sorted(deps)) + "\n")
    done = subprocess.run([str(python), "-c", SCRIPT, str(EXAMPLE)], capture_output=True, text=True,
                          cwd=tmp_path, env=clean_env)
    assert done.returncode == 0, done.stderr
    count, _, size = done.stdout.partition(" ")
    assert int(count) == 64
    assert "'seal'" in done.stdout and "'hexagon'" in done.stdout  # templates ship in the wheel
    _readme_example_works_beside_generic_modules(python, tmp_path, clean_env)


def _readme_example_works_beside_generic_modules(python, tmp_path, env):
    """From a folder holding a local ``palettes.py`` and ``templates/__init__.py`` (names a wheel
    must not claim), the README's Python example and ``python -m designer`` still work."""
    folder = tmp_path / "project"
    (folder / "templates").mkdir(parents=True)
    (folder / "palettes.py").write_text("raise ImportError('the local palettes.py was imported')\n")
    (folder / "templates" / "__init__.py").write_text("raise ImportError('the local templates/ was imported')\n")
    (folder / "examples").symlink_to(EXAMPLE.parent.parent)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    done = subprocess.run([str(python), "-c", example], capture_output=True, text=True, cwd=folder, env=env)
    assert done.returncode == 0, done.stderr
    assert (folder / "history-taking-advanced.svg").read_bytes().startswith(b"<svg")
    for argv in (["--version"], ["lint", "examples/medical-school/badges.yaml"]):
        done = subprocess.run([str(python), "-m", "designer", *argv], capture_output=True, text=True, cwd=folder,
                              env=env)
        assert done.returncode == 0, (argv, done.stdout[-2000:], done.stderr[-2000:])
