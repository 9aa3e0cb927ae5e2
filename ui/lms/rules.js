// The core's rules in WebAssembly (player/rules, built by scripts/player-rules.sh): one call
// takes a JSON request and gives its JSON answer. The player and the tests load it alike.

const FORMS = ['NFKC', 'NFC', 'NFD'];

/** Instantiates the rules from the bytes of rules.wasm; returns `ask(request) → answer`. */
export async function loadRules(bytes) {
  let memory = null;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  // Unicode normalisation comes from the browser, whose tables are already there.
  const dlis = {
    normalize(form, ptr, len, out, capacity) {
      const text = decoder.decode(new Uint8Array(memory.buffer, ptr, len));
      const normalized = encoder.encode(text.normalize(FORMS[form]));
      if (normalized.length <= capacity) new Uint8Array(memory.buffer, out, normalized.length).set(normalized);
      return normalized.length;
    },
  };
  const { instance } = await WebAssembly.instantiate(bytes, { dlis });
  memory = instance.exports.memory;
  const { rules_alloc: alloc, rules_call: call, rules_answer_len: answerLength } = instance.exports;
  /** Sends a request (a JSON string) and returns the answer as text. */
  return function ask(request) {
    const bytes = encoder.encode(request);
    const ptr = alloc(bytes.length);
    new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
    const out = call(ptr, bytes.length);
    return decoder.decode(new Uint8Array(memory.buffer, out, answerLength()));
  };
}
