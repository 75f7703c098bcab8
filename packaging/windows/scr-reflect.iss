; Inno Setup script: a per-user install of SCR Reflect on Windows, no administrator needed.
; Built by packaging/build.sh (Git Bash) after PyInstaller, or by hand from the repository:
;   iscc /DAppVersion=0.1.0 packaging\windows\scr-reflect.iss
; Output: dist\SCR-Reflect-<version>-setup.exe
;
; The records are NOT in the program folder: they are in %LOCALAPPDATA%\SCR Reflect\SCR Reflect
; (scr_reflect/paths.py, through platformdirs). The uninstaller removes only what it installed,
; so the encrypted records, backups, keys and logs stay where they are.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SCR Reflect"
#define Root "..\.."

[Setup]
AppId={{6C7D4F0E-5B8A-4E57-9C1B-2F6A3E9D8B41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
; Per user: installs under %LOCALAPPDATA%\Programs, never asks for administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir={#Root}\dist
OutputBaseFilename=SCR-Reflect-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\scr-reflect.ico
UninstallDisplayIcon={app}\{#AppName}.exe
LicenseFile={#Root}\LICENSE
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
; Sign setup.exe where a certificate exists: iscc /Ssigntool="signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /n $qSchool IT$q $f" ...
; SignTool=signtool

[Files]
; The PyInstaller folder: SCR Reflect.exe (the window), scr-reflect.exe (the command line)
; and _internal\ with Python, Qt, SQLCipher and the resources folder.
Source: "{#Root}\dist\scr-reflect\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppName}.exe"; WorkingDir: "{app}"
Name: "{userprograms}\{#AppName} demo (fictional records)"; Filename: "{app}\{#AppName}.exe"; Parameters: "--demo"; WorkingDir: "{app}"

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "Open {#AppName} now"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Nothing beyond the installed files: the data folder is kept on purpose (see the top).

[Messages]
UninstalledAll=%1 was removed. Your encrypted records were kept in %LOCALAPPDATA%\SCR Reflect: delete that folder yourself only once they are no longer needed (your school's retention policy).
