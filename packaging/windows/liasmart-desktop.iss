; The Windows installer of LiaSmart Desktop (Inno Setup 6): per user, without administrator rights,
; with a Start-menu shortcut and an uninstaller; a newer version installs over the older one in place.
; Compiled by packaging/build.py, which passes the version and the folders:
;   iscc /DAppVersion=… /DAppNumericVersion=… /DBundleDir=… /DIconFile=… /DOutputDir=… /DOutputBaseName=… liasmart-desktop.iss
; What the user keeps lives outside the install folder, so neither an upgrade nor an uninstall touches
; it: the data folder %LOCALAPPDATA%\LiaSmartDesktop (settings, history, logs) and the saved password
; (Windows Credential Manager, entry "LiaSmart Desktop").

#ifndef AppVersion
  #error Compile with packaging/build.py: it passes /DAppVersion and the folders
#endif

[Setup]
; The AppId is how Windows and Inno Setup know an installed copy across versions. Never change it:
; an upgrade would then install a second copy beside the first instead of replacing it.
AppId={{6F1C2B8E-5D3A-4E8B-9C47-2A1D3F5B7E90}
AppName=LiaSmart Desktop
AppVersion={#AppVersion}
AppVerName=LiaSmart Desktop {#AppVersion}
AppPublisher=LiaSmart Desktop team
VersionInfoVersion={#AppNumericVersion}
; Per user: {autopf} is %LOCALAPPDATA%\Programs, {autoprograms} the user's own Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\LiaSmart Desktop
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseName}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\liasmart-desktop.exe
UninstallDisplayName=LiaSmart Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese when this Inno Setup has it (it is a contributed translation, not always shipped).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's files wholesale: no library of the older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\LiaSmart Desktop"; Filename: "{app}\liasmart-desktop.exe"
Name: "{autodesktop}\LiaSmart Desktop"; Filename: "{app}\liasmart-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\liasmart-desktop.exe"; Description: "{cm:LaunchProgram,LiaSmart Desktop}"; Flags: nowait postinstall skipifsilent
