package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import com.lagrello.client.LagrelloClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * What every auto-configured blocking client bean shares: its blocking face over the
 * reactive bean of its API area is made on its first call, not at start-up, so an
 * application's own reactive bean (a test double, say) is not touched while the context
 * starts. Each subclass only maps its interface's methods onto {@link #face()}.
 *
 * @param <B> the blocking client interface
 */
abstract class LazyBlockingClient<B> {

	private final Supplier<B> face;

	LazyBlockingClient(Supplier<B> face) {
		this.face = SingletonSupplier.of(face);
	}

	/**
	 * Returns the blocking face, made on the first call.
	 * @return the blocking client the calls go to
	 */
	final B face() {
		return this.face.get();
	}

	/**
	 * Returns the {@code LagrelloClient} bean if it is the only one and has been made,
	 * without making it.
	 * @param beanFactory the application's bean factory
	 * @return the root when it exists, else {@code null}
	 */
	static Supplier<@Nullable LagrelloClient> madeRoot(ConfigurableListableBeanFactory beanFactory) {
		return () -> {
			String[] names = beanFactory.getBeanNamesForType(LagrelloClient.class, false, false);
			return (names.length == 1 && beanFactory.containsSingleton(names[0]))
					? beanFactory.getBean(names[0], LagrelloClient.class) : null;
		};
	}

	/**
	 * Makes, on demand, the blocking face of an API area's reactive bean, each call
	 * bounded by {@code lagrello.call-timeout}: over the client of the
	 * {@link LagrelloClient} bean, its own blocking face (the client bounds each call by
	 * its call timeout itself, and is observed timing out); over any other bean, an
	 * application's own, a face whose timer bounds each call.
	 * @param reactiveBean the reactive bean of the area
	 * @param madeRoot the {@code LagrelloClient} bean if it has been made: never made for
	 * this, as the auto-configured one, made when first needed, would need an access
	 * token that an application whose clients are all its own need not have (the area
	 * beans of the root are made after it, so a root not made yet is not theirs)
	 * @param area the area's client of a {@code LagrelloClient}
	 * @param ownFace the blocking face of the library's own client
	 * @param anyFace the blocking face of any client with a call timeout
	 * @param callTimeout {@code lagrello.call-timeout}
	 * @param <R> the reactive client interface
	 * @param <B> the blocking client interface
	 * @return the blocking face, made when first asked for
	 */
	static <R, B> Supplier<B> over(ObjectProvider<R> reactiveBean, Supplier<@Nullable LagrelloClient> madeRoot,
			Function<LagrelloClient, R> area, Function<R, B> ownFace, BiFunction<R, Duration, B> anyFace,
			Duration callTimeout) {
		return () -> {
			R client = reactiveBean.getObject();
			@Nullable LagrelloClient root = madeRoot.get();
			return (root != null && area.apply(root) == client) ? ownFace.apply(client)
					: anyFace.apply(client, callTimeout);
		};
	}

}
