; DLIS Learn's Windows installer, built by scripts/package.sh with Debian's makensis.
;
; Per user and without administrator rights: school laptops seldom give trainees those. The
; program goes to %LOCALAPPDATA%\Programs\DLIS Learn, the shortcut to the user's Start menu,
; the "Apps & features" entry to HKCU. The learners' records live elsewhere, in
; %LOCALAPPDATA%\DLIS\dlis-learn (the core's data directory): the uninstaller keeps them unless the
; user ticks "Learners' records" (or passes /REMOVEDATA with /S).
;
; Defines given by scripts/package.sh:
;   VERSION   x.y.z of the app          STAGE    folder holding the files to install
;   OUTFILE   the installer to write     ICON     the app's .ico

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define PRODUCT "DLIS Learn"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\eu.dlis-learn.app"
!define DATA_DIR "$LOCALAPPDATA\DLIS\dlis-learn"
; WebView2's own data (page cache, local storage) for the app's identifier.
!define WEBVIEW_DIR "$LOCALAPPDATA\eu.dlis-learn.app"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "CompanyName" "DLIS project (Erasmus+)"
VIAddVersionKey /LANG=0 "LegalCopyright" "EUPL-1.2"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\dlis-learn.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback; Windows' display language picks among the others.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Romanian"
!insertmacro MUI_LANGUAGE "Greek"
!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "German"

; Not reviewed by a native professional (ro, el, nl, de), like the app's own texts.
LangString SecProgram ${LANG_ENGLISH} "${PRODUCT}"
LangString SecProgram ${LANG_FRENCH} "${PRODUCT}"
LangString SecProgram ${LANG_ROMANIAN} "${PRODUCT}"
LangString SecProgram ${LANG_GREEK} "${PRODUCT}"
LangString SecProgram ${LANG_DUTCH} "${PRODUCT}"
LangString SecProgram ${LANG_GERMAN} "${PRODUCT}"
LangString AppRunning ${LANG_ENGLISH} "DLIS Learn is open on this computer. Close it, then choose Retry."
LangString AppRunning ${LANG_FRENCH} "DLIS Learn est ouvert sur cet ordinateur. Fermez-le, puis choisissez Recommencer."
LangString AppRunning ${LANG_ROMANIAN} "DLIS Learn este deschis pe acest calculator. Închideți-l, apoi alegeți Reîncercare."
LangString AppRunning ${LANG_GREEK} "Το DLIS Learn είναι ανοιχτό σε αυτόν τον υπολογιστή. Κλείστε το και επιλέξτε Επανάληψη."
LangString AppRunning ${LANG_DUTCH} "DLIS Learn is geopend op deze computer. Sluit het en kies daarna Opnieuw."
LangString AppRunning ${LANG_GERMAN} "DLIS Learn ist auf diesem Computer geöffnet. Schließen Sie es und wählen Sie dann Wiederholen."
LangString SecData ${LANG_ENGLISH} "Learners' records and settings"
LangString SecData ${LANG_FRENCH} "Suivis des apprenants et réglages"
LangString SecData ${LANG_ROMANIAN} "Evidența cursanților și setările"
LangString SecData ${LANG_GREEK} "Αρχεία εκπαιδευομένων και ρυθμίσεις"
LangString SecData ${LANG_DUTCH} "Gegevens van de cursisten en instellingen"
LangString SecData ${LANG_GERMAN} "Lerndaten der Teilnehmenden und Einstellungen"
LangString SecDataHelp ${LANG_ENGLISH} "Also delete every learner's progress, the modules installed and the institution's settings on this computer. Records not yet sent or exported are lost."
LangString SecDataHelp ${LANG_FRENCH} "Supprimer aussi la progression de chaque apprenant, les modules installés et les réglages de l'établissement sur cet ordinateur. Les suivis pas encore envoyés ni exportés sont perdus."
LangString SecDataHelp ${LANG_ROMANIAN} "Șterge și progresul fiecărui cursant, modulele instalate și setările instituției de pe acest calculator. Înregistrările netrimise și neexportate se pierd."
LangString SecDataHelp ${LANG_GREEK} "Διαγραφή και της προόδου κάθε εκπαιδευόμενου, των εγκατεστημένων ενοτήτων και των ρυθμίσεων του φορέα σε αυτόν τον υπολογιστή. Όσα δεν έχουν σταλεί ή εξαχθεί χάνονται."
LangString SecDataHelp ${LANG_DUTCH} "Ook de voortgang van elke cursist, de geïnstalleerde modules en de instellingen van de instelling op deze computer verwijderen. Wat nog niet verzonden of geëxporteerd is, gaat verloren."
LangString SecDataHelp ${LANG_GERMAN} "Auch den Lernfortschritt aller Teilnehmenden, die installierten Module und die Einstellungen der Einrichtung auf diesem Computer löschen. Noch nicht gesendete oder exportierte Daten gehen verloren."

Section "!$(SecProgram)" SecMain
  SectionIn RO
  SetShellVarContext current
  ; A running DLIS Learn holds its program file open: ask to close it rather than leave old
  ; and new files mixed. Silent (/S): give up with exit code 2.
  retry:
  ${If} ${FileExists} "$INSTDIR\dlis-learn.exe"
    ClearErrors
    FileOpen $0 "$INSTDIR\dlis-learn.exe" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
      SetErrorLevel 2
      Quit
    ${EndIf}
    FileClose $0
  ${EndIf}
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the sample modules shipped; the app upgrades the installed ones.
  RMDir /r "$INSTDIR\modules"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\dlis-learn.exe" "" "$INSTDIR\dlis-learn.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\dlis-learn.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "DLIS project (Erasmus+)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "!un.$(SecProgram)" UnSecMain
  SectionIn RO
  SetShellVarContext current
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  RMDir /r "$INSTDIR\modules"
  Delete "$INSTDIR\dlis-learn.exe"
  Delete "$INSTDIR\dlis.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\WebView2Loader-LICENSE.txt"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default: uninstalling the program keeps every learner's records.
Section /o "un.$(SecData)" UnSecData
  SetShellVarContext current
  RMDir /r "${DATA_DIR}"
  RMDir "$LOCALAPPDATA\DLIS"
  RMDir /r "${WEBVIEW_DIR}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} $(SecDataHelp)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  ; A silent uninstall (/S) removes the records only when asked to with /REMOVEDATA.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
