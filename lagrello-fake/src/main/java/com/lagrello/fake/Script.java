package com.lagrello.fake;

/**
 * How a {@link ScriptedServer} answers: a reply for each request it receives. It runs on
 * the server's event loop, once the request's body has arrived, so it must not block; to
 * answer later, return a reply with {@link Reply#after} or {@link Reply#later}. It may be
 * called from several threads at once.
 */
@FunctionalInterface
public interface Script {

	/**
	 * Returns the reply to a request.
	 * @param request the request, already recorded
	 * @return the reply
	 */
	Reply answer(ReceivedRequest request);

}
