# Build the one-folder program on Windows: dist\ChiBoDesktop\ChiBoDesktop.exe
#
#   powershell -ExecutionPolicy Bypass -File scripts\build.ps1 [-Python C:\path\python.exe]
#
# Needs the build extra: pip install ".[build]"
param([string]$Python = "python")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

# Compiled catalogs are build output (not committed): make them from the .po files.
& $Python -m babel.messages.frontend compile -d i18n -D chibo --statistics
if ($LASTEXITCODE -ne 0) { throw "pybabel compile failed" }
& $Python -m PyInstaller --noconfirm --clean --log-level WARN build.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$bytes = (Get-ChildItem -Recurse -File dist\ChiBoDesktop | Measure-Object -Property Length -Sum).Sum
"Built dist\ChiBoDesktop ({0:N0} MB)" -f ($bytes / 1MB)

# The zip a secretary receives: unzip anywhere, run ChiBoDesktop.exe (docs/INSTALL.md).
$version = & $Python -c "import chibo_desktop; print(chibo_desktop.__version__)"
$zip = "dist\ChiBoDesktop-$version-windows.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path dist\ChiBoDesktop -DestinationPath $zip
"Zipped: $zip ({0:N0} MB)" -f ((Get-Item $zip).Length / 1MB)
