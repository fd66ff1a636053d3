package com.lagrello.sample.login;

import java.util.List;

import com.lagrello.test.FakeLagrelloServer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The fake Lagrello's "mailbox", for the demo: the magic links it would have e-mailed, so
 * that a human can click them. Only there when the sample runs on the embedded fake;
 * against the real API, links go by e-mail and this page is a {@code 404}.
 */
@Controller
class MailboxController {

	private final @Nullable FakeLagrelloServer embeddedLagrello;

	MailboxController(ObjectProvider<FakeLagrelloServer> embeddedLagrello) {
		this.embeddedLagrello = embeddedLagrello.getIfAvailable();
	}

	@GetMapping("/mailbox")
	String mailbox(Model model) {
		FakeLagrelloServer lagrello = this.embeddedLagrello;
		if (lagrello == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<Mailbox> mailboxes = lagrello.users()
			.stream()
			.map((user) -> new Mailbox(user.userId(), user.email(), lagrello.magicLinks(user.userId())))
			.toList();
		model.addAttribute("mailboxes", mailboxes);
		return "mailbox";
	}

	/**
	 * One user's mailbox.
	 *
	 * @param userId the Lagrello user
	 * @param email the user's address, if any
	 * @param links the magic links sent to the user, oldest first
	 */
	record Mailbox(String userId, @Nullable String email, List<String> links) {

	}

}
