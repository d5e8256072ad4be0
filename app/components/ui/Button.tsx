import { Link, type LinkProps } from "@remix-run/react";
import { forwardRef, type AnchorHTMLAttributes, type ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

const variants: Record<ButtonVariant, string> = { primary: "btn", secondary: "btn-secondary", danger: "btn-danger", ghost: "btn-ghost" };
const sizes: Record<ButtonSize, string> = { sm: "btn-sm", md: "", lg: "btn-lg" };

/** The class list of a button; for the rare element that is neither a <button> nor a link (a <summary>, a <label> of a file input). */
export function buttonClass({ variant = "primary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return [variants[variant], sizes[size], className].filter(Boolean).join(" ");
}

type Look = { variant?: ButtonVariant; size?: ButtonSize };

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & Look>(function Button({ variant, size, className, type = "button", ...props }, ref) {
  return <button ref={ref} type={type} className={buttonClass({ variant, size, className })} {...props} />;
});

/** A link that looks like a button: navigation stays a link (it opens in a new tab, works without JavaScript). */
export const ButtonLink = forwardRef<HTMLAnchorElement, LinkProps & Look>(function ButtonLink({ variant, size, className, ...props }, ref) {
  return <Link ref={ref} className={buttonClass({ variant, size, className })} {...props} />;
});

/**
 * A plain <a> that looks like a button, for what the app's router must not handle: a file to save (`download`),
 * another site (`target="_blank"`), or a page served outside the Remix app.
 */
export const ButtonAnchor = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement> & Look>(function ButtonAnchor({ variant, size, className, children, ...props }, ref) {
  return (
    <a ref={ref} className={buttonClass({ variant, size, className })} {...props}>
      {children}
    </a>
  );
});
