//! On Windows, `dlis.exe` carries the version, the description and the icon that Explorer and
//! "Properties" show (a resource compiled by mingw's windres or MSVC's rc). Elsewhere, nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src-tauri/icons/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let numbers: Vec<u16> = version.split(['.', '-', '+']).take(3).map(|n| n.parse().unwrap_or(0)).collect();
    let (major, minor, patch) =
        (numbers[0], numbers.get(1).copied().unwrap_or(0), numbers.get(2).copied().unwrap_or(0));
    let icon = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/icons/icon.ico");
    let rc = format!(
        r#"#include <winver.h>
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {major},{minor},{patch},0
PRODUCTVERSION {major},{minor},{patch},0
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "DLIS project (Erasmus+)"
      VALUE "FileDescription", "dlis, the trainers' tool of DLIS Learn"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "dlis"
      VALUE "LegalCopyright", "EUPL-1.2"
      VALUE "OriginalFilename", "dlis.exe"
      VALUE "ProductName", "DLIS Learn"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        icon = icon.display().to_string().replace('\\', "/"),
    );
    let out =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dlis.rc");
    std::fs::write(&out, rc).expect("cannot write dlis.rc in OUT_DIR");
    embed_resource::compile(&out, embed_resource::NONE).manifest_optional().expect("cannot compile dlis.rc");
}
