/*
 * One card handle with the PC/SC calls npm pcsclite 1.0.1 leaves out:
 * SCardBeginTransaction and SCardEndTransaction, plus the SCardConnect,
 * SCardTransmit and SCardDisconnect that must use the same handle (a
 * transaction belongs to a handle, and pcsclite keeps its handle private).
 *
 * Every call runs on a thread of its own and answers a Promise: PC/SC calls
 * block (SCardBeginTransaction waits for as long as another program holds a
 * transaction, a stuck reader may never answer), and neither the main process
 * nor libuv's shared pool (file and crypto work) may wait on a card. A call
 * that hangs holds only its own thread (and keeps the process open, as any
 * pending I/O does); `cancel` (SCardCancel) and
 * `disconnect` end it from another thread, which is how the caller's timeout
 * stops it. Each handle has its own PC/SC context, so a pcscd restart only
 * ends the handles it cut. The handle's open state is changed atomically: of
 * two disconnects only one releases the context. Handles are type-tagged, so
 * no other external can pass for one.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <uv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h> /* winscard.h needs the Windows types first */
#define EXCHANGE(target, value) InterlockedExchange((volatile LONG *)(target), (value))
#else
#include <pthread.h>
#define EXCHANGE(target, value) __atomic_exchange_n((target), (value), __ATOMIC_SEQ_CST)
#endif

#ifdef _WIN32
#include <winscard.h>
#define CONNECT SCardConnectA
#elif defined(__APPLE__)
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>
#define CONNECT SCardConnect
#else
#include <winscard.h>
#define CONNECT SCardConnect
#endif

/* Room for 256 data bytes and SW1 SW2 (short APDUs: the eID and GET DATA need no more). */
#define RESPONSE_SIZE 258

typedef struct {
  SCARDCONTEXT context;
  SCARDHANDLE card;
  DWORD protocol;
  /* 1 while the context and handle are held; whoever swaps it to 0 releases them, once. */
  volatile LONG open;
  /* 1 once a disconnect was asked: no call is started on the handle after that. */
  volatile LONG closing;
} Card;

/* Marks our card externals, so no other external (or a forged object) passes for one. */
static const napi_type_tag card_tag = {0x7063736374726e73ULL, 0x62616c6965636172ULL};

typedef enum { OP_CONNECT, OP_TRANSMIT, OP_BEGIN, OP_END, OP_DISCONNECT, OP_CANCEL } Operation;

typedef struct {
  Operation op;
  napi_deferred deferred;
  napi_threadsafe_function done;
  uv_thread_t thread;
  napi_ref card_ref; /* keeps the handle's JS object alive while a call runs on it */
  Card *card;
  char *reader;
  DWORD share_mode;
  DWORD protocols;
  DWORD disposition;
  unsigned char *apdu;
  size_t apdu_length;
  unsigned char response[RESPONSE_SIZE];
  DWORD response_length;
  LONG status;
  const char *call;
} Call;

static const char *pcsc_name(LONG status) {
  switch ((unsigned long)status) {
    case 0x80100002: return "Command cancelled";
    case 0x80100003: return "Invalid handle";
    case 0x80100006: return "Not enough memory";
    case 0x80100008: return "Insufficient buffer";
    case 0x80100009: return "Unknown reader";
    case 0x8010000B: return "Sharing violation";
    case 0x8010000C: return "No smart card inserted";
    case 0x80100016: return "Transaction failed";
    case 0x80100017: return "Reader unavailable";
    case 0x8010001D: return "Service not available";
    case 0x8010001E: return "Service stopped";
    case 0x80100065: return "Card is unsupported";
    case 0x80100066: return "Card is unresponsive";
    case 0x80100068: return "Card was reset";
    case 0x80100069: return "Card was removed";
    default: return "PC/SC error";
  }
}

/* Lets go of the card and its context, if nobody did yet. */
static LONG release(Card *card, DWORD disposition) {
  if (EXCHANGE(&card->open, 0) != 1) return SCARD_S_SUCCESS;
  LONG status = SCardDisconnect(card->card, disposition);
  SCardReleaseContext(card->context);
  return status;
}

static void execute(Call *call) {
  Card *card = call->card;
  switch (call->op) {
    case OP_CONNECT:
      call->call = "SCardEstablishContext";
      call->status = SCardEstablishContext(SCARD_SCOPE_USER, NULL, NULL, &card->context);
      if (call->status != SCARD_S_SUCCESS) return;
      call->call = "SCardConnect";
      call->status = CONNECT(card->context, call->reader, call->share_mode, call->protocols, &card->card, &card->protocol);
      if (call->status != SCARD_S_SUCCESS) SCardReleaseContext(card->context);
      else EXCHANGE(&card->open, 1);
      return;
    case OP_TRANSMIT:
      call->call = "SCardTransmit";
      call->response_length = RESPONSE_SIZE;
      call->status = SCardTransmit(card->card, card->protocol == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0, call->apdu,
                                   (DWORD)call->apdu_length, NULL, call->response, &call->response_length);
      return;
    case OP_BEGIN:
      call->call = "SCardBeginTransaction";
      call->status = SCardBeginTransaction(card->card);
      return;
    case OP_END:
      call->call = "SCardEndTransaction";
      call->status = SCardEndTransaction(card->card, call->disposition);
      return;
    case OP_DISCONNECT:
      call->call = "SCardDisconnect";
      call->status = release(card, call->disposition);
      return;
    case OP_CANCEL:
      /* Ends a call blocked on this handle's context; an already closed handle has nothing to cancel. */
      call->call = "SCardCancel";
      call->status = card->open ? SCardCancel(card->context) : SCARD_S_SUCCESS;
      return;
  }
}

static void free_card(napi_env env, void *data, void *hint) {
  Card *card = data;
  /* A handle the program forgot: let go of the card so other programs are not locked out. */
  release(card, SCARD_LEAVE_CARD);
  free(card);
}

static void free_call(Call *call) {
  free(call->reader);
  free(call->apdu);
  free(call);
}

/* On the JavaScript thread, once the call's own thread is done. env is NULL when Node is shutting down. */
static void complete(napi_env env, napi_value js_callback, void *context, void *data) {
  Call *call = data;
  if (env == NULL) {
    free_call(call);
    return;
  }
  napi_value result = NULL;
  if (call->status != SCARD_S_SUCCESS) {
    /* pcsclite's form, "<call> error: <text>. (0x8010000B)", so one parser reads both. */
    char text[160];
    snprintf(text, sizeof text, "%s error: %s. (0x%08lX)", call->call, pcsc_name(call->status), (unsigned long)call->status);
    napi_value message;
    napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, NULL, message, &result);
    napi_value code;
    napi_create_uint32(env, (uint32_t)call->status, &code);
    napi_set_named_property(env, result, "pcscCode", code);
    napi_reject_deferred(env, call->deferred, result);
  } else {
    if (call->op == OP_CONNECT) {
      napi_get_reference_value(env, call->card_ref, &result);
    } else if (call->op == OP_TRANSMIT) {
      napi_create_buffer_copy(env, call->response_length, call->response, NULL, &result);
    } else {
      napi_get_undefined(env, &result);
    }
    napi_resolve_deferred(env, call->deferred, result);
  }
  napi_delete_reference(env, call->card_ref);
  free_call(call);
}

/* The call's own thread: the PC/SC call, then the answer handed to the JavaScript thread. */
static void run(void *data) {
  Call *call = data;
  napi_threadsafe_function done = call->done;
  execute(call);
  napi_call_threadsafe_function(done, call, napi_tsfn_blocking);
  napi_release_threadsafe_function(done, napi_tsfn_release);
}

static napi_value fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return NULL;
}

/* Runs `call` on a thread of its own and returns its Promise. */
static napi_value start(napi_env env, Call *call, napi_value card_object) {
  napi_value promise, name;
  napi_create_promise(env, &call->deferred, &promise);
  napi_create_reference(env, card_object, 1, &call->card_ref);
  napi_create_string_utf8(env, "pcsc-transactions", NAPI_AUTO_LENGTH, &name);
  napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, NULL, NULL, NULL, complete, &call->done);
  /* Referenced, as async work was: the process waits for a call on its way rather than tearing down under it. */
  if (uv_thread_create(&call->thread, run, call) != 0) {
    call->status = (LONG)0x80100006; /* SCARD_E_NO_MEMORY */
    call->call = "thread";
    napi_release_threadsafe_function(call->done, napi_tsfn_release);
    complete(env, NULL, NULL, call);
    return promise;
  }
#ifdef _WIN32
  CloseHandle(call->thread);
#else
  pthread_detach(call->thread);
#endif
  return promise;
}

static Card *card_of(napi_env env, napi_value value) {
  void *data = NULL;
  napi_valuetype type;
  bool tagged = false;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_external) return NULL;
  if (napi_check_object_type_tag(env, value, &card_tag, &tagged) != napi_ok || !tagged) return NULL;
  napi_get_value_external(env, value, &data);
  return data;
}

static uint32_t uint_arg(napi_env env, napi_value value) {
  uint32_t number = 0;
  napi_get_value_uint32(env, value, &number);
  return number;
}

/* connect(readerName, shareMode, protocols) → Promise<card> */
static napi_value js_connect(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 3) return fail(env, "connect(readerName, shareMode, protocols)");
  size_t length = 0;
  if (napi_get_value_string_utf8(env, argv[0], NULL, 0, &length) != napi_ok) return fail(env, "readerName must be a string");
  Card *card = calloc(1, sizeof *card);
  Call *call = calloc(1, sizeof *call);
  call->reader = malloc(length + 1);
  napi_get_value_string_utf8(env, argv[0], call->reader, length + 1, &length);
  call->op = OP_CONNECT;
  call->card = card;
  call->share_mode = uint_arg(env, argv[1]);
  call->protocols = uint_arg(env, argv[2]);
  napi_value card_object;
  napi_create_external(env, card, free_card, NULL, &card_object);
  napi_type_tag_object(env, card_object, &card_tag);
  return start(env, call, card_object);
}

/* Shared by the calls on an open handle: (card, ...) → Promise. */
static napi_value on_card(napi_env env, napi_callback_info info, Operation op) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Card *card = argc >= 1 ? card_of(env, argv[0]) : NULL;
  if (!card) return fail(env, "the first argument must be a card from connect()");
  /* Cancel may come while a disconnect is on its way; nothing else may, and only one disconnect is started. */
  if (op == OP_CANCEL) {
    if (!card->open) return fail(env, "the card handle is closed");
  } else if (op == OP_DISCONNECT ? EXCHANGE(&card->closing, 1) != 0 : (card->closing || !card->open)) {
    return fail(env, "the card handle is closed");
  }
  Call *call = calloc(1, sizeof *call);
  call->op = op;
  call->card = card;
  if (op == OP_TRANSMIT) {
    void *bytes = NULL;
    bool is_buffer = false;
    if (argc < 2 || napi_is_buffer(env, argv[1], &is_buffer) != napi_ok || !is_buffer) {
      free(call);
      return fail(env, "transmit(card, apdu: Buffer)");
    }
    napi_get_buffer_info(env, argv[1], &bytes, &call->apdu_length);
    call->apdu = malloc(call->apdu_length ? call->apdu_length : 1);
    memcpy(call->apdu, bytes, call->apdu_length);
  } else if (op == OP_END || op == OP_DISCONNECT) {
    call->disposition = argc >= 2 ? uint_arg(env, argv[1]) : SCARD_LEAVE_CARD;
  }
  return start(env, call, argv[0]);
}

static napi_value js_transmit(napi_env env, napi_callback_info info) { return on_card(env, info, OP_TRANSMIT); }
static napi_value js_begin(napi_env env, napi_callback_info info) { return on_card(env, info, OP_BEGIN); }
static napi_value js_end(napi_env env, napi_callback_info info) { return on_card(env, info, OP_END); }
static napi_value js_disconnect(napi_env env, napi_callback_info info) { return on_card(env, info, OP_DISCONNECT); }
static napi_value js_cancel(napi_env env, napi_callback_info info) { return on_card(env, info, OP_CANCEL); }

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor methods[] = {
    {"connect", NULL, js_connect, NULL, NULL, NULL, napi_enumerable, NULL},
    {"transmit", NULL, js_transmit, NULL, NULL, NULL, napi_enumerable, NULL},
    {"beginTransaction", NULL, js_begin, NULL, NULL, NULL, napi_enumerable, NULL},
    {"endTransaction", NULL, js_end, NULL, NULL, NULL, napi_enumerable, NULL},
    {"disconnect", NULL, js_disconnect, NULL, NULL, NULL, napi_enumerable, NULL},
    {"cancel", NULL, js_cancel, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof methods / sizeof methods[0], methods);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
