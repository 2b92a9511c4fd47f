# Every file of an unpacked app, recursively, as "sha256  relative/path" lines sorted by path: the
# release workflow writes it for the app it signed and for the app found inside each installer, and
# compares the two (.github/workflows/release.yml). Reads files only; runs nothing it finds.
param([Parameter(Mandatory)] [string] $Folder)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path -LiteralPath $Folder).Path.TrimEnd('\', '/')
$lines = Get-ChildItem -LiteralPath $root -Recurse -File -Force | ForEach-Object {
  $relative = $_.FullName.Substring($root.Length + 1).Replace('\', '/')
  "$((Get-FileHash -Algorithm SHA256 -LiteralPath $_.FullName).Hash.ToLower())  $relative"
} | Sort-Object { $_.Substring(66) } -CaseSensitive
if (@($lines).Count -eq 0) { throw "no files in $Folder" }
$lines
