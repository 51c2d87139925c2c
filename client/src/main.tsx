import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo/client';
import { ApiKeyForm } from './components/ApiKeyForm';
import { AppHeader } from './components/AppHeader';
import { browserStorage, useApiKey } from './hooks/useApiKey';
import { WalletPage } from './routes/wallet/WalletPage';
import { createApiKeyStore, type ApiKeyStore } from './utils/api-key-storage';
import './styles.css';

const apiKeyStore = createApiKeyStore(browserStorage());
const client = createApolloClient({ getApiKey: apiKeyStore.get });
// Subscribed before React is, so the cache is emptied before the page renders for the new key:
// nothing one key fetched is ever shown under another.
apiKeyStore.subscribe(() => {
  void client.clearStore();
});

/** The dashboard: the key form until a key is given, then the wallet page (remounted per key). */
function App({ store }: { store: ApiKeyStore }) {
  const { apiKey, setApiKey, persisted } = useApiKey(store);
  const forgetKey = () => setApiKey(null);
  return (
    <>
      <AppHeader apiKey={apiKey} onForgetKey={forgetKey} />
      <main className="page">
        {!persisted && (
          <p className="notice">This browser refused to store the key: it will be forgotten when this page is closed.</p>
        )}
        {apiKey === null ? <ApiKeyForm onSubmit={setApiKey} /> : <WalletPage key={apiKey} onForgetKey={forgetKey} />}
      </main>
    </>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App store={apiKeyStore} />
    </ApolloProvider>
  </StrictMode>,
);
