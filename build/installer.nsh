; electron-builder's NSIS include (nsis.include in electron-builder.yml), issue 25.
; A per-machine install creates the machine policy's folder, C:\ProgramData\UiTPAS Balie, owned by
; Administrators and writable by Administrators and SYSTEM only: Windows' default rights on ProgramData
; let any user create it first and steer every user (electron/settings/policy-access.ts refuses such a
; folder). With --policy=<file>, the installer also puts IT's policy file there.
; Silent, without a desktop shortcut: "UiTPAS Balie Setup.exe" /S --no-desktop-shortcut --policy=\\server\it\policy.json
!macro customInstall
  ${if} $installMode == "all"
    SetShellVarContext all
    CreateDirectory "$APPDATA\UiTPAS Balie"
    ; Owner first: an owner may always change the rights, so a folder a user made before is taken back.
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$APPDATA\UiTPAS Balie" /setowner *S-1-5-32-544'
    ; Not inherited from ProgramData (where Users may create and write): Administrators and SYSTEM full control, Users read.
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$APPDATA\UiTPAS Balie" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "--policy=" $R1
    ${ifNot} ${Errors}
      CopyFiles /SILENT "$R1" "$APPDATA\UiTPAS Balie\policy.json"
    ${endIf}
  ${endIf}
!macroend
