package net.linuxha.common.wire;

/** An answer on its way out: the reply text and the nonce of the request it answers. */
record Answer(long nonce, Reply reply) {
}
