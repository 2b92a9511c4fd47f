/*
 * Three Windows facts, each one synchronous call (they answer at once):
 * - the ProgramData folder from the known-folder API, never the environment
 *   (a user variable can point %ProgramData% anywhere);
 * - a file's owner and access list, so policy-source.ts can refuse a policy
 *   that others than administrators could have written;
 * - whether the user is an administrator, so the updater knows whether a
 *   per-machine install can be updated by this user (UAC can elevate it).
 */
#define NAPI_VERSION 4
#define UNICODE
#define _UNICODE
#include <node_api.h>
#include <windows.h>
#include <aclapi.h>
#include <sddl.h>
#include <shlobj.h>
#include <knownfolders.h>
#include <stdlib.h>
#include <string.h>

static napi_value throw_win32(napi_env env, const char *call, DWORD code) {
  char message[128];
  wsprintfA(message, "%s failed: %lu", call, (unsigned long)code);
  napi_throw_error(env, NULL, message);
  return NULL;
}

static napi_value utf16_string(napi_env env, const wchar_t *text) {
  napi_value value;
  napi_create_string_utf16(env, (const char16_t *)text, NAPI_AUTO_LENGTH, &value);
  return value;
}

static napi_value program_data_folder(napi_env env, napi_callback_info info) {
  PWSTR path = NULL;
  HRESULT result = SHGetKnownFolderPath(&FOLDERID_ProgramData, KF_FLAG_DEFAULT, NULL, &path);
  if (FAILED(result)) {
    CoTaskMemFree(path);
    return throw_win32(env, "SHGetKnownFolderPath", (DWORD)result);
  }
  napi_value value = utf16_string(env, path);
  CoTaskMemFree(path);
  return value;
}

static napi_value sid_string(napi_env env, PSID sid) {
  LPWSTR text = NULL;
  if (!ConvertSidToStringSidW(sid, &text)) return throw_win32(env, "ConvertSidToStringSidW", GetLastError());
  napi_value value = utf16_string(env, text);
  LocalFree(text);
  return value;
}

static napi_value file_security(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  size_t length = 0;
  if (argc < 1 || napi_get_value_string_utf16(env, argv[0], NULL, 0, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "path must be a string");
    return NULL;
  }
  wchar_t *path = calloc(length + 1, sizeof(wchar_t));
  if (path == NULL) return throw_win32(env, "calloc", ERROR_NOT_ENOUGH_MEMORY);
  napi_get_value_string_utf16(env, argv[0], (char16_t *)path, length + 1, &length);
  PSID owner = NULL;
  PACL dacl = NULL;
  PSECURITY_DESCRIPTOR descriptor = NULL;
  DWORD status = GetNamedSecurityInfoW(path, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner, NULL, &dacl, NULL, &descriptor);
  free(path);
  if (status != ERROR_SUCCESS) return throw_win32(env, "GetNamedSecurityInfoW", status);

  napi_value result, entries;
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "owner", sid_string(env, owner));
  if (dacl == NULL) {
    napi_get_null(env, &entries);
  } else {
    napi_create_array(env, &entries);
    uint32_t kept = 0;
    for (DWORD index = 0; index < dacl->AceCount; index++) {
      ACE_HEADER *header = NULL;
      if (!GetAce(dacl, index, (LPVOID *)&header)) continue;
      const char *type;
      ACCESS_MASK mask;
      PSID trustee;
      if (header->AceType == ACCESS_ALLOWED_ACE_TYPE) {
        ACCESS_ALLOWED_ACE *ace = (ACCESS_ALLOWED_ACE *)header;
        type = "allow";
        mask = ace->Mask;
        trustee = (PSID)&ace->SidStart;
      } else if (header->AceType == ACCESS_DENIED_ACE_TYPE) {
        ACCESS_DENIED_ACE *ace = (ACCESS_DENIED_ACE *)header;
        type = "deny";
        mask = ace->Mask;
        trustee = (PSID)&ace->SidStart;
      } else {
        continue; /* object and callback ACEs do not occur on plain files */
      }
      napi_value entry, value;
      napi_create_object(env, &entry);
      napi_create_string_utf8(env, type, NAPI_AUTO_LENGTH, &value);
      napi_set_named_property(env, entry, "type", value);
      napi_set_named_property(env, entry, "sid", sid_string(env, trustee));
      napi_create_uint32(env, mask, &value);
      napi_set_named_property(env, entry, "mask", value);
      napi_create_uint32(env, header->AceFlags, &value);
      napi_set_named_property(env, entry, "flags", value);
      napi_set_element(env, entries, kept++, entry);
    }
  }
  napi_set_named_property(env, result, "entries", entries);
  LocalFree(descriptor);
  return result;
}

static napi_value user_is_administrator(napi_env env, napi_callback_info info) {
  BOOL administrator = FALSE;
  HANDLE token = NULL;
  if (OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
    TOKEN_ELEVATION_TYPE elevation;
    DWORD size = 0;
    if (GetTokenInformation(token, TokenElevationType, &elevation, sizeof elevation, &size)) {
      /* Limited: an administrator under UAC (can elevate); Full: elevated now. */
      if (elevation == TokenElevationTypeLimited || elevation == TokenElevationTypeFull) administrator = TRUE;
    }
    CloseHandle(token);
  }
  if (!administrator) {
    BYTE sid_buffer[SECURITY_MAX_SID_SIZE];
    DWORD sid_size = sizeof sid_buffer;
    if (CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, sid_buffer, &sid_size)) CheckTokenMembership(NULL, sid_buffer, &administrator);
  }
  napi_value value;
  napi_get_boolean(env, administrator, &value);
  return value;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
    {"programDataFolder", NULL, program_data_folder, NULL, NULL, NULL, napi_default, NULL},
    {"fileSecurity", NULL, file_security, NULL, NULL, NULL, napi_default, NULL},
    {"userIsAdministrator", NULL, user_is_administrator, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
